/**
 * Ingest speed (budgets in README «Speed budgets»).
 * - `ingest_mb_per_s`: a seeded, generated 150 MB Statistikkbanken long-format CSV (title line and
 *   blank line, quoted labels such as "0301 Oslo", `;`, decimal comma, `..` / `:` / `-` symbols,
 *   columns region;funksjon;art;år;value) parsed and typed end to end by `ingestFile`, the code path
 *   the worker uses; median of several runs after a warm-up on a smaller file.
 * - `ingest_peak_rss_mb`: peak resident memory of the process doing that (the file bytes included),
 *   measured in a child process so the generator's strings and the other benches do not count.
 * - `ingest_file_mb`: the size of the generated file (the target is peak RSS ≤ 3 × this).
 * - `ingest_vs_papaparse` (issue 19): our rate / PapaParse's on the same file in the same child and
 *   run: the bytes decoded (TextDecoder) and parsed by `Papa.parse(text, { delimiter: ';' })` into
 *   rows of strings — raw parsing only, no typing, no symbols, no long-to-wide — so > 1 means our full
 *   ingest beats PapaParse's parse alone. `ingest_papaparse_mb_per_s` is PapaParse's rate.
 * - `ingest_500mb_peak_rss_mb`, `ingest_500mb_mb_per_s`, `ingest_500mb_values`: the same, cold, on a
 *   500 MB file (`MAX_FILE_BYTES`, the largest the app reads): the README promises it loads.
 * The files go to a temp dir and are deleted afterwards; `INGEST_BENCH_MB` / `INGEST_BENCH_REPS`
 * change size and repetitions of the first; `INGEST_BENCH_BIG_MB=0` skips the 500 MB run.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './types';
import { mulberry32 } from '../scripts/demo/prng';
import { MAX_FILE_BYTES } from '../src/ingest/limits';

const MB = 1024 * 1024;


const NAMES = ['Oslo', 'Halden', 'Moss', 'Sarpsborg', 'Fredrikstad', 'Bærum', 'Asker', 'Lillestrøm', 'Tromsø', 'Ålesund', 'Bodø', 'Hå'];
const FUNCTIONS = ['100 Politisk styring', '120 Administrasjon', '201 Førskole', '202 Grunnskole', '213 Voksenopplæring', '232 Helsestasjon', '234 Aktivisering eldre', '241 Diagnose, behandling', '244 Barneverntjeneste', '251 Barnevernstiltak i familien', '252 Barnevernstiltak utenfor familien', '253 Helse og omsorg i institusjon', '254 Helse og omsorg til hjemmeboende', '261 Institusjonslokaler', '265 Kommunalt disponerte boliger', '273 Arbeidsrettede tiltak', '275 Introduksjonsordningen', '276 Kvalifiseringsordningen', '281 Ytelse til livsopphold', '283 Bistand til etablering', '285 Tjenester utenfor ordinært kommunalt ansvar', '301 Plansaksbehandling', '302 Bygge- og delesaksbehandling', '325 Tilrettelegging næringsliv', '332 Kommunale veier', '338 Forebygging av branner', '339 Beredskap mot branner', '345 Vannforsyning', '353 Avløp', '355 Innsamling av forbruksavfall', '360 Naturforvaltning', '365 Kulturminneforvaltning', '370 Bibliotek', '375 Museer', '377 Kunstformidling', '380 Idrett og tilskudd', '381 Kommunale idrettsbygg', '383 Musikk- og kulturskoler', '385 Andre kulturaktiviteter', '386 Kommunale kulturbygg'];
const ARTS = ['AGD10 Brutto driftsutgifter', 'AGD2 Netto driftsutgifter', 'AGD4 Korrigerte brutto driftsutgifter', '010 Lønn i alt', '050 Arbeidsgiveravgift', '100 Kjøp av varer og tjenester', '300 Kjøp fra staten', '590 Avskrivninger', '600 Salgsinntekter', '700 Refusjoner', '800 Overføringer fra staten', 'AGI1 Brutto driftsinntekter', 'AGI2 Netto driftsinntekter', 'AGK1 Brutto investeringsutgifter', 'AGK2 Netto investeringsutgifter'];

/** Writes the CSV in ~4 MB chunks (a single 150 MB string would double the parent's memory). */
export function writeLongCsv(path: string, targetBytes: number, seed = 2024): number {
  const rand = mulberry32(seed);
  const units: string[] = [];
  for (let i = 0; i < 356; i++) {
    const code = String(301 + ((i * 137) % 5300)).padStart(4, '0');
    units.push(`"${code} ${NAMES[i % NAMES.length]}"`);
  }
  units.push('"EAK Landet"', '"EKA03 Oslo"', '"K-Rest Uoppgitt"');
  const fd = openSync(path, 'w');
  let written = 0;
  let buf = '"12367: Detaljerte regnskapstall driftsregnskapet, etter region, funksjon, art, år og statistikkvariabel"\r\n\r\n';
  buf += '"region";"funksjon";"art";"år";"Beløp (1000 kr)"\r\n';
  const flush = () => {
    written += writeSync(fd, Buffer.from(buf, 'utf8'));
    buf = '';
  };
  outer: for (let year = 2010; ; year++) {
    for (const u of units) {
      for (const f of FUNCTIONS) {
        const ff = `"${f}"`;
        for (const a of ARTS) {
          const r = rand();
          let v: string;
          if (r < 0.04) v = '..';
          else if (r < 0.05) v = ':';
          else if (r < 0.07) v = '-';
          else if (r < 0.5) v = String(Math.floor(rand() * 250_000));
          else {
            const x = rand() * 90_000;
            v = x.toFixed(1 + (r > 0.8 ? 1 : 0)).replace('.', ',');
          }
          buf += `${u};${ff};"${a}";"${year}";${v}\r\n`;
          if (buf.length > 4 * MB) {
            flush();
            if (written >= targetBytes) break outer;
          }
        }
      }
    }
  }
  flush();
  closeSync(fd);
  return written;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs in the child: warm-up, then timed runs of ingestFile on the file; prints JSON figures. */
async function child(path: string, warmPath: string, reps: number, papaReps: number): Promise<void> {
  const { ingestFile } = await import('../src/ingest');
  if (warmPath !== '-') await ingestFile({ name: 'warm.csv', bytes: new Uint8Array(readFileSync(warmPath)) });
  // The Buffer itself (no copy), as the worker gets the file's ArrayBuffer.
  const buf = readFileSync(path);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const rates: number[] = [];
  let obs = 0;
  let problems = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const res = await ingestFile({ name: 'statistikkbanken-12367-long.csv', bytes });
    const ms = performance.now() - t0;
    rates.push(bytes.length / MB / (ms / 1000));
    obs = res.obs.n;
    problems = res.problems.filter((p) => p.severity === 'error').length;
    if (res.status !== 'ok') throw new Error(`ingest failed: ${res.problems.map((p) => p.messageEn).join('; ')}`);
  }
  // maxRSS (kB) is the kernel's high-water mark for this process: no sampling gaps (read before
  // PapaParse's rows, which would count otherwise).
  const peak = process.resourceUsage().maxRSS / 1024;
  const papa: number[] = [];
  if (papaReps > 0) {
    const { default: Papa } = await import('papaparse');
    Papa.parse(new TextDecoder().decode(bytes.subarray(0, 8 * MB)), { delimiter: ';' }); // warm-up
    for (let r = 0; r < papaReps; r++) {
      const t0 = performance.now();
      const res = Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ';' });
      const ms = performance.now() - t0;
      if (res.data.length < obs) throw new Error('PapaParse read fewer rows than values');
      papa.push(bytes.length / MB / (ms / 1000));
    }
  }
  process.stdout.write(`${JSON.stringify({ mbps: median(rates), peak, obs, problems, rates, papa: papa.length ? median(papa) : NaN })}\n`);
}

function runChild(path: string, warmPath: string, reps: number, papaReps = 0): { mbps: number; peak: number; obs: number; papa: number } {
  // Same node and loader flags (tsx) as this process, so the child can import TypeScript.
  const out = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--ingest-child', path, warmPath, String(reps), String(papaReps)], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  if (out.status !== 0) throw new Error(`ingest bench child failed: ${out.stderr}`);
  const lines = out.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as { mbps: number; peak: number; obs: number; papa: number };
}

export const ingestBench: BenchModule = {
  name: 'ingest',
  async run() {
    const targetMb = Number(process.env.INGEST_BENCH_MB ?? 150);
    const reps = Number(process.env.INGEST_BENCH_REPS ?? 3);
    const dir = mkdtempSync(join(tmpdir(), 'kl-ingest-bench-'));
    try {
      const path = join(dir, 'long.csv');
      const warmPath = join(dir, 'warm.csv');
      const size = writeLongCsv(path, targetMb * MB);
      writeLongCsv(warmPath, 8 * MB, 7);
      // Speed: warm-up and several runs in one child. Memory: one cold run in a fresh child, since
      // maxRSS never goes down and earlier runs' garbage would otherwise count.
      const res = runChild(path, warmPath, reps, reps);
      const mem = runChild(path, '-', 1);
      const figures: Record<string, number> = {
        ingest_mb_per_s: res.mbps,
        ingest_peak_rss_mb: mem.peak,
        ingest_file_mb: size / MB,
        ingest_values: res.obs,
        ingest_papaparse_mb_per_s: res.papa,
        ingest_vs_papaparse: res.mbps / res.papa,
      };
      rmSync(path, { force: true });
      // The largest file the app reads, one cold run in a fresh child (its own peak).
      const bigMb = Number(process.env.INGEST_BENCH_BIG_MB ?? MAX_FILE_BYTES / MB);
      if (bigMb > 0) {
        const bigPath = join(dir, 'long-500mb.csv');
        // Just under the limit: the file must be read, not refused.
        writeLongCsv(bigPath, bigMb * MB - 5 * MB, 500);
        const big = runChild(bigPath, '-', 1);
        figures.ingest_500mb_peak_rss_mb = big.peak;
        figures.ingest_500mb_mb_per_s = big.mbps;
        figures.ingest_500mb_values = big.obs;
      }
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const argv = process.argv;
const k = argv.indexOf('--ingest-child');
if (k >= 0) {
  child(argv[k + 1], argv[k + 2], Number(argv[k + 3]), Number(argv[k + 4] ?? 0)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
