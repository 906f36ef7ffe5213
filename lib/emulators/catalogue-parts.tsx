import { seconds } from "./catalogue-format";
import { CALLBACK_BEHAVIOURS } from "./test-cards";

/** Pieces the /emulators catalogue's sections share. */

/** A section's table of outcomes: the column heads, then `children` (its tbody). */
export function OutcomesTable({
  testId,
  columns,
  children,
}: {
  testId?: string;
  columns: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <table className="w-full overflow-hidden rounded-xl bg-white text-left text-sm shadow-sm" data-testid={testId}>
      <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
        <tr>
          {columns.map((column) => (
            <th key={column} className="p-3">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      {children}
    </table>
  );
}

/**
 * The scripted notifications (lib/emulators/test-cards.ts), one list item each: "`lead` “late”: …",
 * with how late this emulator's late one comes; `silentNote` is added to the silent one.
 */
export function CallbackBehaviourItems({
  lateSeconds,
  lead = "Contains",
  silentNote = "",
}: {
  lateSeconds: number;
  lead?: string;
  silentNote?: string;
}) {
  return CALLBACK_BEHAVIOURS.map((row) => (
    <li key={row.match}>
      {`${lead} “`}
      {row.match}”: {row.description}
      {row.behaviour === "delayed" ? ` (${seconds(lateSeconds)})` : ""}
      {row.behaviour === "never" ? silentNote : ""}.
    </li>
  ));
}
