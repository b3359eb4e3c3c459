import type { Outcome } from '../claims/index.ts';
import { escapeMarkup as esc } from './escape-markup.ts';
import { OUTCOME_RULE } from './explain.ts';
import { firstScreenOf } from './first-screen.ts';
import { OUTCOMES, type ClaimRecord, type Results } from './results.ts';
import { displayNumber } from './display-number.ts';
import { formatNumber } from '../text/index.ts';

/** A figure's SVG text (and caption where the renderer has one), by the id results.json names it with. */
export interface HtmlFigure {
  id: string;
  svg: string;
  caption?: string;
}

const KINDS = ['analytic', 'consistency', 'stochastic', 'arithmetic'] as const;
const slug = (text: string): string => text.replace(/[^a-z0-9]+/gi, '-');

const badge = (o: Outcome): string => `<span class="badge v-${slug(o)}">${esc(o)}</span>`;

function unitsOf(c: ClaimRecord): number | null {
  const u = c.readings[0]?.toleranceUnits;
  return u === undefined || u === null ? null : Number(u);
}

const formatUnits = (u: number | null): string => (u === null ? '' : formatNumber(u, 3));

function readingsTable(c: ClaimRecord): string {
  if (c.readings.length === 0) return '';
  const rows = c.readings.map(
    (r) =>
      `<tr><td>${esc(r.label)}</td><td class="num">${esc(r.value === null ? '—' : displayNumber(r.value))}</td><td>${badge(r.verdict)}</td>` +
      `<td class="num">${esc(r.difference ?? '')}</td><td class="num">${formatUnits(r.toleranceUnits ?? null)}</td><td>${esc(r.note ?? '')}</td></tr>`,
  );
  return (
    '<h4>Readings <small>(the first gives the verdict)</small></h4><div class="scroll"><table class="inner"><thead><tr><th>reading</th><th>ours</th><th>verdict</th>' +
    `<th>ours − paper</th><th>tolerance units</th><th>note</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function perSeedBlock(c: ClaimRecord): string {
  if (c.perSeed.length === 0) return '';
  const seeds = new Set(c.perSeed.flatMap((p) => p.seeds)).size;
  const series = c.perSeed.map((p) => {
    const cells = p.seeds.map((s, i) => `<tr><td class="num">${s}</td><td class="num">${formatNumber(p.values[i])}</td></tr>`).join('');
    const excluded = p.excluded ? `<p class="muted">Excluded: seeds ${esc(p.excluded.seeds.join(', '))} — ${esc(p.excluded.reason)}</p>` : '';
    return (
      `<div class="series"><h5>${esc(p.label)}</h5><p class="muted">${esc(p.meaning)}</p>${excluded}` +
      (p.seeds.length > 0 ? `<table class="inner seeds"><thead><tr><th>seed</th><th>value</th></tr></thead><tbody>${cells}</tbody></table>` : '<p class="muted">no seeds</p>') +
      '</div>'
    );
  });
  return `<details class="per-seed"><summary>Per-seed values: ${c.perSeed.length} series over ${seeds} seeds</summary>${series.join('')}</details>`;
}

function claimFigures(c: ClaimRecord, titles: ReadonlyMap<string, string>, drawn: ReadonlySet<string>): string {
  if (c.figures.length === 0) return '';
  const items = c.figures.map((id) =>
    drawn.has(id)
      ? // The SVG lives once in the Figures section; opening the claim copies it here (see the script).
        `<figure class="claim-figure" data-figure="${esc(id)}"><figcaption><a href="#figure-${esc(id)}">${esc(titles.get(id) ?? id)}</a></figcaption></figure>`
      : `<p class="muted">${esc(id)}: not drawn in this run</p>`,
  );
  return `<h4>Figures</h4><div class="claim-figures">${items.join('')}</div>`;
}

/** An evidence line two or more claims share: its number (by first use) and the claims that give it. */
interface SharedNote {
  readonly n: number;
  readonly ids: string[];
}

/** The evidence lines two or more claims share, numbered by first use: each is shown once and linked from its claims. */
export function sharedNotes(claims: readonly ClaimRecord[]): ReadonlyMap<string, SharedNote> {
  const users = new Map<string, string[]>();
  for (const c of claims) for (const line of new Set(c.evidence)) users.set(line, [...(users.get(line) ?? []), c.id]);
  const shared = new Map<string, SharedNote>();
  for (const [line, ids] of users) if (ids.length > 1) shared.set(line, { n: shared.size + 1, ids });
  return shared;
}

function evidenceItem(line: string, shared: ReadonlyMap<string, SharedNote>): string {
  const note = shared.get(line);
  if (note === undefined) return `<li>${esc(line)}</li>`;
  return `<li class="shared"><a href="#note-${note.n}">Common note ${note.n}</a> (given by ${note.ids.length} claims): ${esc(firstWords(line))}</li>`;
}

/** A line's opening words, enough to tell the notes apart. */
function firstWords(line: string): string {
  return line.length <= 80 ? line : `${line.slice(0, line.lastIndexOf(' ', 80))} …`;
}

function sharedSection(shared: ReadonlyMap<string, SharedNote>): string {
  if (shared.size === 0) return '';
  const items = [...shared].map(([line, { n, ids }]) => `<li id="note-${n}"><strong>Common note ${n}</strong> — ${ids.map((id) => `<a href="#${esc(id)}">${esc(id)}</a>`).join(', ')}<br>${esc(line)}</li>`);
  return `<section id="common-notes"><h2>Common notes</h2><p class="muted">Evidence that several claims share, given once here.</p><ol class="evidence">${items.join('')}</ol></section>`;
}

function claimBody(c: ClaimRecord, results: Results, titles: ReadonlyMap<string, string>, drawn: ReadonlySet<string>, shared: ReadonlyMap<string, SharedNote>): string {
  const parts = [
    `<p><strong>${esc(c.source)}</strong></p>`,
    `<blockquote>${esc(c.paper.quote)}</blockquote>`,
    c.paper.value === null ? '' : `<p>Printed value <code>${esc(c.paper.value)}</code></p>`,
    readingsTable(c),
    `<h4>Verdict and rule</h4><p>${badge(c.outcome)} ${esc(OUTCOME_RULE[c.outcome])}. Tolerance: ${esc(c.toleranceText)}.</p>`,
    !c.measured ? '' : `<p>Measured: ${esc(c.measured)}</p>`,
    !c.rule
      ? ''
      : `<p>Rule: ${esc(c.rule.name)}; α = ${c.rule.alpha}; at ${c.rule.seeds} seeds P(reproduced | true) = ${c.rule.reproducedWhenTrue}, size ${c.rule.size}, power ${c.rule.power} at ${esc(c.rule.discrepancy)}, P(reproduced | off by ${esc(c.rule.discrepancy)}) = ${c.rule.falseReproduce}${c.rule.reproduceAlpha === undefined ? '' : ` (reproduced side at level ${c.rule.reproduceAlpha})`}, detects ${esc(c.rule.detectable ?? '—')} with power ≥ 0.9.</p>`,
    c.places ? `<p>The two places that disagree: (1) ${esc(c.places[0])}; (2) ${esc(c.places[1])}.</p>` : '',
    c.wouldDecide ? `<p>What would decide it: ${esc(c.wouldDecide)}</p>` : '',
    c.notReproducible ? `<p>Not reproducible as specified: ${esc(c.notReproducible)}</p>` : '',
    c.drift.length > 0 ? `<p class="drift">Moved from its pinned outcome: ${esc(c.drift.join('; '))}</p>` : '',
    c.pinned !== null && c.kind === 'stochastic' && results.profile !== 'full' ? `<p class="muted">Pinned ${esc(c.pinned.verdict)} for the full profile; not compared under ${esc(results.profile)}.</p>` : '',
    c.evidence.length > 0 ? `<h4>Evidence</h4><ul class="evidence">${c.evidence.map((e) => evidenceItem(e, shared)).join('')}</ul>` : '',
    perSeedBlock(c),
    claimFigures(c, titles, drawn),
  ];
  return parts.join('');
}


/**
 * Our side of a row, a number or a bound wherever there is one: the first reading's value, else the headline
 * estimate or bound of a stochastic claim (its first clause, "τ ≥ 48480"), else the reading's own note; the verdict
 * word only where the claim has none of these.
 */
export function oursText(c: ClaimRecord): string {
  const first = c.readings[0];
  if (first?.value !== undefined && first.value !== null) return displayNumber(first.value);
  if (c.value !== null) return displayNumber(c.value);
  if (c.measured) return c.measured.split(';')[0]!.trim();
  if (first?.note) return first.note;
  return first?.verdict ?? c.outcome;
}

function claimRows(c: ClaimRecord, order: number, results: Results, titles: ReadonlyMap<string, string>, drawn: ReadonlySet<string>, shared: ReadonlyMap<string, SharedNote>): string {
  const first = c.readings[0];
  const ours = `${first ? `${first.label}: ` : ''}${oursText(c)}`;
  const units = unitsOf(c);
  const paperNumber = c.paper.value !== null && Number.isFinite(Number(c.paper.value)) ? Number(c.paper.value) : '';
  const data = {
    id: c.id,
    kind: c.kind,
    verdict: c.outcome,
    'verdict-rank': OUTCOMES.indexOf(c.outcome),
    paper: paperNumber,
    units: units === null || !Number.isFinite(units) ? (units === null ? '' : 'Infinity') : units,
    order,
  };
  const attributes = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${esc(String(v))}"`)
    .join('');
  return (
    `<tbody class="claim" id="${esc(c.id)}"${attributes}>` +
    `<tr class="row"><td class="c-id"><a href="#${esc(c.id)}" class="claim-id">${esc(c.id)}</a></td><td class="c-kind">${esc(c.kind)}</td>` +
    `<td class="c-verdict">${badge(c.outcome)}${c.drift.length > 0 ? ' <span class="drift" title="differs from its pinned outcome">⚠ moved</span>' : ''}</td>` +
    `<td class="num c-paper" data-label="paper">${esc(c.paper.value ?? '—')}</td><td class="num c-ours" data-label="ours">${esc(ours)}</td>` +
    `<td class="num c-units" data-label="tolerance units">${formatUnits(units)}</td></tr>` +
    `<tr class="detail"><td colspan="6"><details><summary>${esc(c.statement)}</summary><div class="body">${claimBody(c, results, titles, drawn, shared)}</div></details></td></tr>` +
    '</tbody>'
  );
}

function findings(results: Results): string {
  const list = (claims: readonly ClaimRecord[]): string =>
    `<ul>${claims.map((c) => `<li>${badge(c.outcome)} <a href="#${esc(c.id)}">${esc(c.id)}</a> — ${esc(c.statement)}</li>`).join('')}</ul>`;
  const notHeld = results.claims.filter((c) => c.outcome === 'deviates' || c.outcome === 'inconsistent');
  const undecided = results.claims.filter((c) => c.outcome === 'inconclusive');
  const moved = results.claims.filter((c) => c.drift.length > 0);
  return [
    '<section id="findings"><h2>Findings</h2>',
    moved.length > 0 ? `<div class="drift-box"><h3>⚠ ${moved.length} moved from their pinned outcome</h3>${list(moved)}</div>` : '',
    notHeld.length > 0 ? `<h3>Not as printed (${notHeld.length})</h3>${list(notHeld)}` : '<p>Every evaluated claim holds as printed.</p>',
    undecided.length > 0 ? `<h3>Undecided at this profile (${undecided.length})</h3>${list(undecided)}` : '',
    '</section>',
  ].join('');
}

/** Claims by verdict, every row counted: the one count the header and the filter both show. */
function outcomeCounts(claims: readonly ClaimRecord[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const c of claims) counts[c.outcome] += 1;
  return counts;
}

const claimLink = (id: string): string => `<a href="#${esc(id)}">${esc(id)}</a>`;

/** The first screen, in the words REPORT.md uses: the thesis, the headline claims, the fragile readings, the tallies by group, the caveats. */
function firstScreen(results: Results): string {
  const screen = firstScreenOf(results);
  const parts: string[] = [];
  if (screen.thesis) {
    const { lead } = screen.thesis;
    parts.push('<section id="thesis"><h2>The paper\'s thesis</h2>', `<p class="lead">${esc(lead.before)} <strong>${esc(lead.phrase)}</strong> ${esc(lead.after)}</p></section>`);
  }
  if (screen.headline.length > 0) {
    // One line per claim, so the table fits the first screen; the whole reason is the cell's title and the claim's row.
    parts.push(
      '<section id="headline"><h2>The headline claims</h2><div class="wide"><table class="inner headline"><thead><tr><th>Claim</th><th>Paper</th><th>Ours</th><th>Verdict</th><th>Why</th></tr></thead><tbody>',
      ...screen.headline.map((h) => `<tr><td class="nowrap">${claimLink(h.id)}</td><td class="num">${esc(h.paper)}</td><td class="num">${esc(h.ours)}</td><td>${badge(h.outcome)}</td><td class="why" title="${esc(h.why)}"><small>${esc(h.why)}</small></td></tr>`),
      '</tbody></table></div></section>',
    );
  }
  if (screen.thesis) {
    const { rows, rule } = screen.thesis;
    parts.push(
      '<section id="thesis-parts"><h2>How the thesis is decided</h2>',
      '<div class="wide"><table class="inner"><thead><tr><th></th><th>The paper\'s claim</th><th>Verdict</th><th>Decided by</th></tr></thead><tbody>',
      ...rows.map(
        (r) =>
          `<tr><td class="nowrap">${esc(r.label)}</td><td>${esc(r.claim)} <small>(${esc(r.source)})</small></td><td><strong>${esc(r.phrase)}</strong> ${badge(r.verdict)}</td>` +
          `<td>${r.decidedBy.map((d) => (d.claim === null ? esc(d.text) : `${claimLink(d.claim)} (${esc(d.text)})`)).join(', ')}<br><small>${esc(r.needs)}</small></td></tr>`,
      ),
      `</tbody></table></div><p class="muted">Rule: ${esc(rule)}</p></section>`,
    );
  }
  if (screen.fragile.rows.length > 0) {
    parts.push(
      '<section id="fragile"><h2>Readings that change verdicts</h2>',
      `<p>${esc(screen.fragile.lead)}</p>`,
      '<div class="wide"><table class="inner"><thead><tr><th>Claim</th><th>Verdict</th><th>Flipped by</th></tr></thead><tbody>',
      ...screen.fragile.rows.map((f) => `<tr><td>${claimLink(f.id)}</td><td>${badge(f.outcome)}</td><td><small>${f.flips.map(esc).join('<br>')}</small><br><small class="muted">${esc(f.evaluated)}</small></td></tr>`),
      '</tbody></table></div>',
      results.figures.some((f) => f.id === 'robustness') ? '<p><a href="#figure-robustness">Every claim\'s verdict under each combination</a></p>' : '',
      '</section>',
    );
  }
  if (screen.tallies) {
    const { outcomes, rows } = screen.tallies;
    parts.push(
      '<section id="tallies"><h2>Tallies</h2><div class="wide"><table class="inner"><thead><tr><th>Group</th>',
      ...outcomes.map((o) => `<th>${esc(o)}</th>`),
      '<th>Claims</th></tr></thead><tbody>',
      ...rows.map((r) => `<tr><td>${esc(r.label)}</td>${r.counts.map((k) => `<td class="num">${k}</td>`).join('')}<td class="num">${r.total}</td></tr>`),
      '</tbody></table></div></section>',
    );
  }
  if (screen.caveats.length > 0) parts.push(`<section id="caveats"><h2>What the audit does not show</h2><ul>${screen.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></section>`);
  return parts.join('');
}

function filters(results: Results): string {
  const box = (name: string, value: string, label: string): string =>
    `<label><input type="checkbox" name="${name}" value="${esc(value)}" checked> ${label}</label>`;
  const count = (pred: (c: ClaimRecord) => boolean): number => results.claims.filter(pred).length;
  const byOutcome = outcomeCounts(results.claims);
  const verdicts = OUTCOMES.filter((o) => byOutcome[o] > 0).map((o) => box('verdict', o, `${badge(o)} ${byOutcome[o]}`));
  const kinds = KINDS.filter((k) => count((c) => c.kind === k) > 0).map((k) => box('kind', k, `${k} ${count((c) => c.kind === k)}`));
  return (
    '<form id="filters" onsubmit="return false">' +
    `<fieldset><legend>Verdict</legend>${verdicts.join('')}</fieldset>` +
    `<fieldset><legend>Kind</legend>${kinds.join('')}</fieldset>` +
    '<fieldset><legend>Search</legend><input type="search" id="search" placeholder="id or words"></fieldset>' +
    '<fieldset><legend>Details</legend><button type="button" id="expand">expand all</button> <button type="button" id="collapse">collapse all</button></fieldset>' +
    `<p id="shown" aria-live="polite">${results.claims.length} of ${results.claims.length} claims shown</p></form>`
  );
}

const STYLE = `
:root{--fg:#1d2430;--muted:#5b6575;--line:#d9dee6;--bg:#fff;--head:#f4f6f9}
*{box-sizing:border-box}body{margin:0 auto;max-width:1200px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{margin:.2rem 0;font-size:1.6rem}h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}h4{margin:1rem 0 .3rem;font-size:.95rem}h5{margin:.5rem 0 0}
.muted,small{color:var(--muted)}code{background:var(--head);padding:0 .25rem;border-radius:3px}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;font-weight:600;white-space:nowrap;color:#fff}
.v-reproduced{background:#1f7a3a}.v-deviates{background:#b42318}.v-inconsistent{background:#7a3eb1}.v-inconclusive{background:#a15c00}.v-not-evaluated{background:#6b7280}
.counts{display:flex;gap:.5rem;flex-wrap:wrap;margin:.6rem 0}.counts .badge{font-size:.95rem;padding:.15rem .7rem}
.drift{color:#b42318;font-weight:600}.drift-box{border:2px solid #b42318;border-radius:6px;padding:.3rem .8rem;margin:.5rem 0}
#findings ul{margin:.2rem 0;padding-left:1.2rem}#findings li{margin:.15rem 0}
form#filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end;padding:.5rem 0;border-bottom:1px solid var(--line)}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.2rem .6rem .4rem;margin:0}legend{font-size:.8rem;color:var(--muted)}
fieldset label{margin-right:.6rem;white-space:nowrap;cursor:pointer}#shown{margin:0 0 .3rem auto;color:var(--muted)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;vertical-align:top}
#claims-table>thead th{background:var(--head);border-bottom:2px solid var(--line);cursor:pointer;user-select:none;white-space:nowrap}
#claims-table>thead th[aria-sort=ascending]::after{content:" ▲"}#claims-table>thead th[aria-sort=descending]::after{content:" ▼"}
tbody.claim{border-top:1px solid var(--line)}tbody.claim:target{outline:2px solid #2f6fd6}tr.detail td{padding-top:0}
tr.detail summary{cursor:pointer;color:var(--muted)}tr.detail details[open] summary{color:var(--fg);font-weight:600}
.claim-id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-weight:600;text-decoration:none}
.num{font-variant-numeric:tabular-nums}.body{padding:.3rem .2rem 1rem 1rem;border-left:3px solid var(--line);margin:.4rem 0}
blockquote{margin:.4rem 0;padding:.2rem .8rem;border-left:3px solid #9aa5b5;background:var(--head);font-style:italic}
table.inner{width:auto;font-size:.9rem}table.inner th{border-bottom:1px solid var(--line)}table.inner td{border-bottom:1px solid #eef0f4}
table.seeds{display:inline-table;margin-right:1rem}.evidence li{font-size:.9rem;white-space:pre-wrap}
.claim-figures{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:.5rem 0}.svg svg,.claim-figure svg{max-width:100%;height:auto}
.lead{font-size:1.05rem}.nowrap{white-space:nowrap}table.headline td.why small{display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:vertical;overflow:hidden}table.headline th{white-space:nowrap}.wide{overflow-x:auto;max-width:100%}
.claim-figure{max-width:560px}figcaption{font-size:.9rem}#figures figure{border-top:1px solid var(--line);padding-top:.5rem}
body,td,li,p,blockquote,summary{overflow-wrap:anywhere}.scroll{overflow-x:auto;max-width:100%}
@media (max-width:700px){
body{padding:.6rem;font-size:14px}h1{font-size:1.3rem}
#claims-table>thead tr{display:flex;flex-wrap:wrap;gap:.2rem}#claims-table>thead th{padding:.2rem .4rem;border:1px solid var(--line);border-radius:4px}
#claims-table,#claims-table>tbody.claim,#claims-table>tbody.claim>tr,#claims-table>tbody.claim>tr>td{display:block;width:100%}
#claims-table>tbody.claim>tr.row{display:flex;flex-wrap:wrap;gap:0 .6rem;padding-top:.4rem}
#claims-table>tbody.claim>tr.row>td{width:auto;padding:.1rem .2rem}#claims-table td.c-id{flex:1 1 100%}
#claims-table td.c-paper::before,#claims-table td.c-ours::before,#claims-table td.c-units::before{content:attr(data-label) ": ";color:var(--muted)}
#claims-table td.c-units:empty{display:none}.body{padding-left:.5rem}fieldset{flex:1 1 100%}#shown{margin-left:0}
}
`;

// Filtering, sorting and lazily copied figures; no library, nothing fetched.
const SCRIPT = `
(() => {
  const table = document.getElementById('claims-table');
  const claims = () => Array.from(table.querySelectorAll('tbody.claim'));
  const checked = (name) => new Set(Array.from(document.querySelectorAll('input[name=' + name + ']:checked')).map((i) => i.value));
  const shown = document.getElementById('shown');
  const search = document.getElementById('search');
  function applyFilters() {
    const verdicts = checked('verdict'), kinds = checked('kind'), words = search.value.trim().toLowerCase();
    let n = 0;
    for (const tb of claims()) {
      const visible = verdicts.has(tb.dataset.verdict) && kinds.has(tb.dataset.kind) && (words === '' || tb.textContent.toLowerCase().includes(words));
      tb.hidden = !visible;
      if (visible) n++;
    }
    shown.textContent = n + ' of ' + claims().length + ' claims shown';
  }
  document.getElementById('filters').addEventListener('input', applyFilters);
  const keyOf = { id: (t) => t.dataset.id, kind: (t) => t.dataset.kind, verdict: (t) => Number(t.dataset.verdictRank),
    paper: (t) => (t.dataset.paper === '' ? null : Number(t.dataset.paper)), units: (t) => (t.dataset.units === '' ? null : Number(t.dataset.units)),
    ours: (t) => t.querySelector('tr.row td:nth-child(5)').textContent };
  for (const th of table.querySelectorAll('thead th[data-sort]')) {
    th.addEventListener('click', () => {
      const direction = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      for (const other of table.querySelectorAll('thead th')) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
      const key = keyOf[th.dataset.sort];
      // Empty keys sort last either way; ties keep the ledger's order.
      const sorted = claims().sort((a, b) => {
        const x = key(a), y = key(b);
        if (x === null || y === null) return x === y ? a.dataset.order - b.dataset.order : x === null ? 1 : -1;
        const c = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
        return c !== 0 ? direction * c : a.dataset.order - b.dataset.order;
      });
      for (const tb of sorted) table.appendChild(tb);
    });
  }
  function fillFigures(details) {
    for (const fig of details.querySelectorAll('figure[data-figure]:not(.filled)')) {
      const source = document.querySelector('#figure-' + CSS.escape(fig.dataset.figure) + ' .svg svg');
      if (source) fig.insertBefore(source.cloneNode(true), fig.firstChild);
      fig.classList.add('filled');
    }
  }
  for (const d of table.querySelectorAll('tr.detail details')) d.addEventListener('toggle', () => d.open && fillFigures(d));
  // The toggle event comes a task later: a details opened here gets its figures at once, so what opens is complete.
  const openDetails = (d, open) => { d.open = open; if (open) fillFigures(d); };
  const setAll = (open) => { for (const tb of claims()) if (!tb.hidden) openDetails(tb.querySelector('details'), open); };
  document.getElementById('expand').addEventListener('click', () => setAll(true));
  document.getElementById('collapse').addEventListener('click', () => setAll(false));
  function openTarget() {
    const tb = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (tb && tb.matches('tbody.claim')) openDetails(tb.querySelector('details'), true);
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  applyFilters();
})();
`;

/** The SVG element alone: an XML prolog or doctype is not allowed inside HTML. */
const inlineSvg = (svg: string): string => svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');

/**
 * report.html: one self-contained page (no network) with the findings on top, the claims table filterable by
 * verdict and kind and sortable, and each claim's quote, readings, rule, evidence, per-seed values and figures.
 */
export function renderHtmlReport(results: Results, figures: readonly HtmlFigure[]): string {
  const titles = new Map(results.figures.map((f) => [f.id, f.title]));
  const drawn = new Set(figures.map((f) => f.id));
  const shared = sharedNotes(results.claims);
  const s = results.summary;
  // The header counts the rows as the filter does (arithmetic checks included), so the two never disagree.
  const byOutcome = outcomeCounts(results.claims);
  const arithmetic = results.claims.filter((c) => c.kind === 'arithmetic').length;
  const counts = OUTCOMES.filter((o) => byOutcome[o] > 0).map((o) => `<span class="badge v-${slug(o)}">${byOutcome[o]} ${esc(o)}</span>`);
  const head = ['id', 'kind', 'verdict', 'paper', 'ours', 'units'];
  const headLabels = ['Claim', 'Kind', 'Verdict', 'Paper', 'Ours (first reading)', 'Tolerance units'];
  const headClasses = ['c-id', 'c-kind', 'c-verdict', 'c-paper', 'c-ours', 'c-units'];
  const figureSection = figures.map(
    (f) =>
      `<figure id="figure-${esc(f.id)}"><figcaption><strong>${esc(titles.get(f.id) ?? f.id)}</strong>${f.caption ? ` — ${esc(f.caption)}` : ''}</figcaption>` +
      `<div class="svg">${inlineSvg(f.svg)}</div></figure>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Audit of arXiv:2606.17120 — profile ${esc(results.profile)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>Audit of arXiv:2606.17120</h1><p class="muted">${esc(results.paper)}</p>`,
    `<p>Profile <code>${esc(results.profile)}</code>, ${results.claims.length} claims${arithmetic > 0 ? `, ${arithmetic} of them arithmetic on printed numbers` : ''}.` +
      `${s.drift > 0 ? ` <span class="drift">${s.drift} moved from their pinned outcome.</span>` : ' Every compared claim matches its pinned outcome.'}</p>`,
    `<div class="counts">${counts.join('')}</div>`,
    '</header>',
    firstScreen(results),
    findings(results),
    '<section id="claims"><h2>Claims</h2>',
    '<p class="muted">Readings: Eq. 2 is the regulariser (Lβ/2)Σλ^{2/L} that Eqs. 2, 3 and 10 follow from (the default); Eq. 1 is (β/2)Σλ^{2/L} as Eq. 1 prints it. How to read a verdict: REPRODUCE.md.</p>',
    filters(results),
    `<table id="claims-table"><thead><tr>${head.map((k, i) => `<th data-sort="${k}" scope="col" class="${headClasses[i]}">${headLabels[i]}</th>`).join('')}</tr></thead>`,
    ...results.claims.map((c, i) => claimRows(c, i, results, titles, drawn, shared)),
    '</table></section>',
    sharedSection(shared),
    figures.length > 0 ? `<section id="figures"><h2>Figures</h2>${figureSection.join('')}</section>` : '',
    `<script>${SCRIPT}</script></body></html>`,
    '',
  ].join('\n');
}
