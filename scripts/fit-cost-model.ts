// The cost model's fit to measured CPU time: reads the timings.json of one or more `reproduce` runs (written beside
// the report) and prints, per job kind, measured / estimated CPU seconds (the median and range over the kind's jobs,
// and pooled) and the COST_MODEL entry that would make the pooled estimate match. The constants in
// src/runner/cost.ts are set by hand from it. Usage: npm run cost-model -- out/timings.json [more.json ...]
import { fitCostModel, formatFit, loadTimings, type Timings } from '../src/runner/index.ts';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write('usage: npm run cost-model -- TIMINGS.json [TIMINGS.json ...] (timings.json is written beside the report by reproduce)\n');
  process.exit(2);
}
const files: Timings[] = paths.map((path) => {
  try {
    return loadTimings(path);
  } catch (error) {
    // A GoldenFileError names the file and what is wrong with it.
    process.stderr.write(`fit-cost-model: ${(error as Error).message}\n`);
    process.exit(2);
  }
});
process.stdout.write(formatFit(fitCostModel(files)));
