// The mutation report as it is committed: the mutation-testing-report schema, without what only
// describes the machine it ran on (the project's absolute path, and each killed mutant's test
// failure text, which holds temporary folder names).

const MACHINE_PATHS = ['/tmp/', '/home/', '/root/'];

/**
 * The report's JSON text to commit, and the machine paths still in it (none when it is clean).
 * @param {Record<string, unknown> & { files?: Record<string, { mutants?: Record<string, unknown>[] }> }} report
 * @param {string} root the project's absolute path
 */
export function cleanReport(report, root) {
  const clean = { ...report };
  delete clean.projectRoot;
  for (const f of Object.values(clean.files ?? {})) {
    for (const m of f.mutants ?? []) delete m.statusReason;
  }
  const text = JSON.stringify(clean).split(`${root}/`).join('').split(root).join('.');
  return { text, leftovers: MACHINE_PATHS.filter((p) => text.includes(p)) };
}

/**
 * One report from several runs over different files (`--mutate` per area): each source file comes
 * from the last report that has it; tests are matched by file and name, and tests and mutants get
 * new ids so that the ids of different runs cannot collide.
 * @param {any[]} reports
 */
export function combineReports(reports) {
  const files = {};
  const testFiles = {};
  const testIds = new Map(); // `${file}\u0000${name}` -> new id
  const idOf = (file, name) => {
    const key = `${file}\u0000${name}`;
    let id = testIds.get(key);
    if (id === undefined) {
      id = String(testIds.size);
      testIds.set(key, id);
      (testFiles[file] ??= { tests: [] }).tests.push({ id, name });
    }
    return id;
  };
  const owner = new Map();
  reports.forEach((r, i) => Object.keys(r.files ?? {}).forEach((f) => owner.set(f, i)));
  let mutantId = 0;
  reports.forEach((r, i) => {
    const remap = new Map();
    for (const [file, tf] of Object.entries(r.testFiles ?? {})) {
      for (const t of tf.tests ?? []) remap.set(t.id, idOf(file, t.name));
    }
    const tests = (ids) => (ids ?? []).map((id) => remap.get(id) ?? id);
    for (const [file, f] of Object.entries(r.files ?? {})) {
      if (owner.get(file) !== i) continue;
      files[file] = {
        ...f,
        mutants: f.mutants.map((m) => ({ ...m, id: String(mutantId++), killedBy: tests(m.killedBy), coveredBy: tests(m.coveredBy) })),
      };
    }
  });
  const last = reports[reports.length - 1] ?? {};
  return { ...last, files, testFiles };
}

/** Score as mutation-testing-elements computes it: detected / (detected + undetected), in %. */
export function score(files) {
  let detected = 0;
  let undetected = 0;
  for (const f of Object.values(files)) {
    for (const m of f.mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') detected++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') undetected++;
    }
  }
  return { detected, undetected, score: detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected) };
}

/**
 * One line a module (src/core, src/sidecar, src/extension/model, …) and one for all: score,
 * detected and undetected mutants, as `combine.mjs` and `npm run test:mutation` print them.
 * @param {Record<string, { mutants: { status: string }[] }>} files
 */
export function moduleScores(files) {
  const modules = new Map();
  for (const [file, f] of Object.entries(files)) {
    const module = file.replace(/^.*?src\//, 'src/').split('/').slice(0, file.includes('extension/') ? 3 : 2).join('/');
    modules.set(module, { ...modules.get(module), [file]: f });
  }
  const line = (name, s) => `${name.padEnd(24)} ${s.score.toFixed(1).padStart(5)} %  (${s.detected} detected, ${s.undetected} undetected)`;
  return [...[...modules].sort().map(([module, fs]) => line(module, score(fs))), line('all', score(files))];
}

/**
 * How the committed report stands against the code: files whose source changed since their run
 * (`stale`), and files of the mutated modules the report has no run of (`unmeasured`).
 * @param {Record<string, { source?: string }>} files the report's files
 * @param {string[]} current the paths of the files that should be measured
 * @param {(file: string) => string | undefined} readSource the file's text now (undefined when gone)
 */
export function reportStatus(files, current, readSource) {
  const stale = Object.keys(files).filter((f) => readSource(f) !== files[f].source).sort();
  const unmeasured = current.filter((f) => !(f in files)).sort();
  return { stale, unmeasured };
}
