import { testCards } from "./test-cards";

/** How the /emulators catalogue writes numbers and durations (its sections share them). */

/** A card number in groups of four (American Express: 4, 6, 5). */
export function formatCard(number: string): string {
  return number.length === 15
    ? `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}`
    : number.replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** A catalogue card by its last four, in groups: the catalogue's code holds no card number. */
export function shownCard(last4: string): string {
  const card = testCards().find((c) => c.number.endsWith(last4));
  return card ? card.number.replace(/(\d{4})(?=\d)/g, "$1 ") : `…${last4}`;
}

/** Seconds as the catalogue says them: "30 s", "2 min", "1 h". */
export function seconds(value: number): string {
  return value >= 3600 ? `${value / 3600} h` : value >= 60 ? `${value / 60} min` : `${value} s`;
}
