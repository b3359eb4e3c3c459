// Writes each analytic figure to out/figures/<id>[-eq1].svg, for looking at them outside the report.
import { join } from 'node:path';
import { CONVENTIONS } from '../src/analytic/index.ts';
import { writeFileAtomic } from '../src/io/atomic-file.ts';
import { analyticFigures } from '../src/report/figures/index.ts';

const outDir = process.argv[2] ?? 'out/figures';
for (const convention of CONVENTIONS) {
  for (const figure of await analyticFigures({ convention })) {
    const path = join(outDir, `${figure.id}-${convention}.svg`);
    writeFileAtomic(path, figure.svg);
    console.log(`${path}: ${figure.title}`);
  }
}
