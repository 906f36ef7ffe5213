// A second process taking forced outcomes from the same emulator database (control-scope.test.ts):
// waits until `startAt` (ms since the epoch), then takes `count` times for `reference` and prints
// the ids it took as JSON. Run: node --conditions=react-server --import tsx <this file> <provider> <reference> <count> <startAt>
import { takeOverride } from "@/lib/emulators/control";

const [provider, reference, count, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // Both processes start taking at the same moment.
}
async function takeAll(): Promise<number[]> {
  const taken: number[] = [];
  for (let i = 0; i < Number(count); i++) {
    const row = await takeOverride(provider, { reference });
    if (row) taken.push(row.id);
  }
  return taken;
}
void takeAll().then((taken) => process.stdout.write(JSON.stringify(taken)));
