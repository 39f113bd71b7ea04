import { demoAccounts } from "../prisma/seed/demo-accounts";

/** The demo sign-ins, as `npm start` and `npm run cluster:up` print them under the address. */
export function printDemoSignIns(): void {
  console.log("\n  Demo sign-ins (every seeded account has the same password):");
  for (const account of demoAccounts) {
    console.log(`    ${account.role.padEnd(18)} ${account.username.padEnd(22)} ${account.password}  ${account.description}`);
  }
  console.log("");
}
