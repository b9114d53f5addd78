/** The figures scripts/bench-questionnaire.ts measures, and how they are printed (also by scripts/bench.ts). */
export type QuestionnaireFigures = {
  submissions: number;
  firstRoundMs: number;
  secondRoundMs: number;
  p50: number;
  p95: number;
  max: number;
  statuses: Record<string, number>;
  responses: number;
  distinctApplications: number;
  stageMoves: number;
  knockedOut: number;
  expectedKnockedOut: number;
};

export function describeFigures(f: QuestionnaireFigures): string[] {
  const ok = f.responses === f.submissions && f.distinctApplications === f.submissions && f.stageMoves === f.submissions && f.knockedOut === f.expectedKnockedOut;
  return [
    `${f.submissions} candidates submit their questionnaire at once over loopback HTTP, then all of them again (a double submit):`,
    "",
    "| Round | Seconds | Submissions/s | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|",
    `| ${f.submissions} at once | ${(f.firstRoundMs / 1000).toFixed(1)} | ${Math.round(f.submissions / (f.firstRoundMs / 1000))} | ${f.p50.toFixed(0)} | ${f.p95.toFixed(0)} | ${f.max.toFixed(0)} |`,
    `| the same ${f.submissions} again | ${(f.secondRoundMs / 1000).toFixed(1)} | ${Math.round(f.submissions / (f.secondRoundMs / 1000))} | — | — | — |`,
    "",
    `Answers: ${Object.entries(f.statuses).map(([s, n]) => `${n} × ${s}`).join(", ")}. Stored: ${f.responses} responses for ${f.distinctApplications} candidates, ` +
      `${f.stageMoves} stage moves, ${f.knockedOut} knocked out (expected ${f.expectedKnockedOut}): ${ok ? "none lost, none doubled" : "MISMATCH"}.`,
  ];
}

