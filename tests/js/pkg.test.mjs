// The npm package as a user gets it: `npm pack`, installed into a scratch
// project without network, then used from Node, from TypeScript, from a
// plain page in Chromium and from a Vite build. The README's examples are
// the programs run here.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';

import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  explain,
  hasChromium,
  offlineNpmEnv,
  readmeExamples,
  relativeRefs,
  run,
  startStatic,
} from '../npm/helpers.mjs';

const SEEDS = join(ROOT, 'tests/fixtures/seeds');
const HAS_WIDGET = existsSync(join(ROOT, 'www/widget.js'));
const NO_WIDGET = 'www/widget.js does not exist yet: recoupe/widget is not tested';
const VERDICTS = ['corroborated', 'contradicted', 'disputed', 'related', 'unverified'];

const built = existsSync(join(ROOT, 'dist/pkg/recoupe_bg.wasm')) && existsSync(join(ROOT, 'dist/js/index.js'));

// Without Chromium a developer's machine skips the browser part; CI must not.
const noBrowser =
  !hasChromium() && process.env.CI !== 'true'
    ? `${CHROMIUM} not found: install it (bash scripts/setup.sh) to run the browser tests`
    : false;

// A page with the widget: the article, and its one source inline.
const WIDGET_PAGE = `<article id="story"><p>About 11,000 North Korean soldiers have been deployed to Russia.</p></article>
<recoupe-check for="#story"><script type="application/json">[{"id": "wire", "text": "South Korean intelligence says 15,000 North Korean troops are now in Russia."}]</script></recoupe-check>
<script type="module" src="./widget-main.js"></script>
`;

/** Wraps a README page fragment into a whole document. */
const htmlPage = (fragment) =>
  `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>recoupe</title>\n${fragment}</html>\n`;

describe('the npm package', { timeout: 180_000 }, () => {
  let tmp;
  let project;
  let installed;
  let packed;
  let readme;
  let seedRun = null;

  before(async () => {
    assert.ok(built, 'dist/ is not built: run bash scripts/build.sh first');
    tmp = await mkdtemp(join(tmpdir(), 'recoupe-pkg-'));
    const env = offlineNpmEnv(join(tmp, 'npm-cache'));

    // --ignore-scripts: the wasm is already built; prepack would rebuild it.
    const pack = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT, env });
    assert.equal(pack.code, 0, explain(pack));
    [packed] = JSON.parse(pack.stdout);

    project = join(tmp, 'project');
    await mkdir(project);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const tarball = join(tmp, packed.filename);
    const install = await run('npm', ['install', '--offline', '--prefix', project, tarball], { cwd: project, env });
    assert.equal(install.code, 0, explain(install));
    installed = join(project, 'node_modules/recoupe');
    readme = readmeExamples(await readFile(join(ROOT, 'README.md'), 'utf8'));
  });

  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('the manifest: entry points, no runtime dependencies, prepack builds', async () => {
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.type, 'module');
    assert.deepEqual(manifest.dependencies ?? {}, {});
    assert.deepEqual(manifest.exports['.'], { types: './js/index.d.ts', default: './dist/js/index.js' });
    assert.equal(manifest.exports['./widget'].default, './dist/www/widget.js');
    assert.equal(manifest.exports['./recoupe_bg.wasm'], './dist/pkg/recoupe_bg.wasm');
    assert.equal(manifest.exports['./package.json'], './package.json');
    assert.equal(manifest.types, './js/index.d.ts');
    assert.equal(manifest.scripts.prepack, 'bash scripts/build.sh');
  });

  test('the tarball holds what ships and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    const required = [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/js/index.js',
      'js/index.d.ts',
      'js/widget.d.ts',
      'dist/pkg/recoupe.js',
      'dist/pkg/recoupe_bg.wasm',
      ...(HAS_WIDGET ? ['dist/www/widget.js'] : []),
    ];
    for (const file of required) assert.ok(files.includes(file), `${file} is in the tarball (has: ${files.join(', ')})`);
    // The demo page's own files stay out.
    for (const file of ['dist/www/app.js', 'dist/www/style.css', 'www/app.js', 'www/widget.js', 'www/index.html']) {
      assert.ok(!files.includes(file), `${file} should not ship`);
    }
    const allowed = /^(LICENSE|README\.md|package\.json|js\/[\w.-]+\.d\.ts|dist\/js\/index\.js|dist\/pkg\/recoupe(\.js|_bg\.wasm)|dist\/www\/[\w-]+\.(js|css))$/;
    for (const file of files) assert.match(file, allowed, `${file} should not ship`);
  });

  test('every export and every relative import of a shipped module is shipped', async () => {
    const files = new Set(packed.files.map((f) => f.path));
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    for (const [key, target] of Object.entries(manifest.exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const t of targets) {
        const file = posix.normalize(t);
        if (file === 'dist/www/widget.js' && !HAS_WIDGET) continue;
        assert.ok(files.has(file), `exports["${key}"] -> ${t} is in the tarball`);
      }
    }
    for (const file of files) {
      if (!file.endsWith('.js')) continue;
      const source = await readFile(join(installed, file), 'utf8');
      for (const ref of relativeRefs(source)) {
        const target = posix.normalize(posix.join(posix.dirname(file), ref));
        assert.ok(files.has(target), `${file} refers to ${ref}, which is not in the tarball`);
      }
    }
  });

  test('every shipped www/ module is one the widget loads', { skip: HAS_WIDGET ? false : NO_WIDGET }, async () => {
    const files = new Set(packed.files.map((f) => f.path));
    const reached = new Set();
    const queue = ['dist/www/widget.js'];
    while (queue.length) {
      const file = queue.pop();
      if (reached.has(file) || !files.has(file)) continue;
      reached.add(file);
      if (!file.endsWith('.js')) continue;
      const source = await readFile(join(installed, file), 'utf8');
      for (const ref of relativeRefs(source)) queue.push(posix.normalize(posix.join(posix.dirname(file), ref)));
    }
    const unused = [...files].filter((f) => f.startsWith('dist/www/') && !reached.has(f));
    assert.deepEqual(unused, [], 'page-only files ship: add them to PAGE_ONLY in scripts/dist.mjs');
  });

  test('Node: seed 001 checked against the four other seeds', async () => {
    await copyFile(join(ROOT, 'tests/npm/check-seeds.mjs'), join(project, 'check-seeds.mjs'));
    const result = await run(process.execPath, ['check-seeds.mjs', SEEDS], { cwd: project });
    assert.equal(result.code, 0, explain(result));
    const out = JSON.parse(result.stdout);

    // Resolved through the installed package's exports map, not the repository.
    assert.equal(out.entry, join(installed, 'dist/js/index.js'));
    assert.equal(out.wasm, join(installed, 'dist/pkg/recoupe_bg.wasm'));
    if (HAS_WIDGET) assert.equal(out.widget, join(installed, 'dist/www/widget.js'));
    assert.equal(out.manifest, 'recoupe');

    assert.equal(out.lang, 'fr');
    assert.deepEqual(out.sources.map((s) => s.id), ['000', '002', '003', '004']);
    assert.deepEqual(out.added, out.sources);
    assert.ok(out.plain, 'the report is plain data');
    assert.ok(out.claims.length > 0);
    for (const claim of out.claims) {
      assert.ok(VERDICTS.includes(claim.verdict), claim.verdict);
      assert.equal(typeof claim.explanation, 'string');
      assert.equal(claim.textBySpan, claim.text, `spanUtf16 of ${claim.id}`);
      assert.equal(claim.textByBytes, claim.text, `span of ${claim.id}`);
    }
    const killed = out.claims.filter((c) => c.quantities.some((q) => q.surface === '300' && q.measure === 'killed'));
    assert.ok(killed.length > 0, 'a claim gives 300 killed');
    for (const claim of killed) assert.equal(claim.verdict, 'unverified', claim.text);
    assert.ok(out.claims.some((c) => c.verdict === 'disputed'), 'some claim is disputed');
    assert.ok(out.discrepancies.includes('soldier'));
    assert.ok(out.numbers > 0 && out.extract > 0);
    assert.equal(out.afterFree, 'Error: recoupe: check() called on a freed Checker');
    seedRun = out;
  });

  test('README: the Node examples print what the README says', async () => {
    const examples = readme.examples.node ?? [];
    const outputs = readme.outputs.node ?? [];
    assert.ok(examples.length >= 2, 'the README has Node examples');
    assert.equal(outputs.length, examples.length, 'each Node example is followed by its output');
    for (const [i, code] of examples.entries()) {
      const file = `readme-node-${i + 1}.mjs`;
      await writeFile(join(project, file), code);
      // FORCE_COLOR would colour console.log even into a pipe.
      const plain = { FORCE_COLOR: undefined, NO_COLOR: undefined };
      const result = await run(process.execPath, [file], { cwd: project, env: plain });
      assert.equal(result.code, 0, `${file}: ${explain(result)}`);
      assert.equal(result.stderr, '', file);
      assert.equal(result.stdout, outputs[i], `${file} prints the README's output`);
    }
  });

  test('TypeScript: strict programs compile against the declarations', async () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    assert.ok(existsSync(tsc), 'typescript is installed (npm ci)');
    const dir = join(project, 'types');
    await mkdir(dir, { recursive: true });
    await copyFile(join(ROOT, 'tests/npm/types/strict.ts'), join(dir, 'strict.ts'));
    assert.equal(readme.examples.types?.length, 1, 'the README has a TypeScript example');
    await writeFile(join(dir, 'readme.ts'), readme.examples.types[0]);

    // The package's declarations are checked too (skipLibCheck off); the
    // default libraries are not, which saves most of the time.
    const common = { strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [], target: 'es2022' };
    // A browser app through a bundler, with libraries that predate `using`.
    await writeFile(
      join(dir, 'tsconfig.bundler.json'),
      JSON.stringify({
        compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'] },
        files: ['strict.ts'],
      }),
    );
    // Node's own resolution, and `using` (the README's example).
    await writeFile(
      join(dir, 'tsconfig.node.json'),
      JSON.stringify({
        compilerOptions: { ...common, module: 'nodenext', moduleResolution: 'nodenext', lib: ['esnext', 'dom'] },
        files: ['strict.ts', 'readme.ts'],
      }),
    );
    const configs = ['tsconfig.bundler.json', 'tsconfig.node.json'];
    const results = await Promise.all(
      configs.map((config) => run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: dir })),
    );
    for (const [i, result] of results.entries()) assert.equal(result.code, 0, `tsc -p ${configs[i]}: ${explain(result)}`);
  });

  describe('in Chromium', { skip: noBrowser }, () => {
    let browser;
    const offsite = [];
    const requests = [];

    before(async () => {
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    });

    after(async () => {
      await browser?.close();
    });

    /** A page that records problems and lets nothing leave 127.0.0.1. */
    async function openPage(url) {
      const context = await browser.newContext();
      await context.route('**/*', (route) => {
        const target = new URL(route.request().url());
        if (target.hostname === '127.0.0.1' || target.protocol === 'data:' || target.protocol === 'blob:') {
          return route.continue();
        }
        offsite.push(target.href);
        return route.abort();
      });
      const page = await context.newPage();
      const problems = [];
      // Cut short: a data: URL in a message can run to many kilobytes.
      const note = (line) => problems.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      page.on('pageerror', (err) => note(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') note(`console ${msg.type()}: ${msg.text()}`);
      });
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(url);
      return { page, problems, close: () => context.close() };
    }

    /** Waits for the widget's first report; fails at once on a page error. */
    async function widgetReport(page, problems, timeout = 30_000) {
      const started = Date.now();
      for (;;) {
        if (await page.$eval('recoupe-check', (el) => el.report != null)) return;
        assert.deepEqual(problems, [], 'the page failed before the widget reported');
        assert.ok(Date.now() - started < timeout, 'the widget gave no report');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    test('a plain page loads the package from node_modules (README example)', async () => {
      assert.equal(readme.examples.page?.length, 1, 'the README has a page example');
      assert.equal(readme.examples.browser?.length, 1, 'the README has a browser example');
      await writeFile(join(project, 'index.html'), htmlPage(readme.examples.page[0]));
      await writeFile(join(project, 'main.js'), readme.examples.browser[0]);
      const server = await startStatic(project, { csp: true });
      const { page, problems, close } = await openPage(server.url);
      try {
        await page.waitForSelector('#claims li', { timeout: 30_000 });
        const items = await page.$$eval('#claims li', (els) => els.map((el) => [el.dataset.verdict, el.textContent]));
        assert.deepEqual(
          items.map(([verdict]) => verdict),
          ['contradicted'],
          JSON.stringify(items),
        );
        assert.match(items[0][1], /^contradicted: /);

        // The same seeds give the same verdicts as in Node.
        const seeds = {};
        for (const name of await readdir(SEEDS)) seeds[name] = await readFile(join(SEEDS, name), 'utf8');
        const verdicts = await page.evaluate(async (texts) => {
          const m = await import('/node_modules/recoupe/dist/js/index.js');
          await m.init();
          const checker = new m.Checker();
          const names = Object.keys(texts).sort();
          const article = names.find((n) => n.startsWith('001_'));
          for (const n of names) if (n !== article) checker.addSource({ id: n.slice(0, 3), text: texts[n] });
          const report = checker.check(texts[article]);
          checker.free();
          return report.claims.map((c) => [c.id, c.verdict]);
        }, seeds);
        if (seedRun) assert.deepEqual(verdicts, seedRun.claims.map((c) => [c.id, c.verdict]));
        assert.ok(verdicts.some(([, v]) => v === 'disputed'));

        // `using` frees the checker at the end of its block.
        const disposed = await page.evaluate(`(async () => {
          const m = await import('/node_modules/recoupe/dist/js/index.js');
          let kept;
          {
            using checker = new m.Checker();
            checker.addSource({ id: 'a', text: 'Environ 11 000 soldats.' });
            kept = checker;
          }
          try { kept.sources(); return 'still usable'; } catch (err) { return err.message; }
        })()`);
        assert.equal(disposed, 'recoupe: sources() called on a freed Checker');
        assert.deepEqual(problems, []);
      } finally {
        await close();
        await server.close();
      }
    });

    test('recoupe/widget checks an article of a plain page', { skip: HAS_WIDGET ? false : NO_WIDGET }, async () => {
      await writeFile(join(project, 'widget.html'), htmlPage(WIDGET_PAGE));
      await writeFile(join(project, 'widget-main.js'), "import './node_modules/recoupe/dist/www/widget.js';\n");
      const server = await startStatic(project, { csp: true });
      const { page, problems, close } = await openPage(`${server.url}widget.html`);
      try {
        await widgetReport(page, problems);
        const verdicts = await page.$eval('recoupe-check', (el) => el.report.claims.map((c) => c.verdict));
        assert.deepEqual(verdicts, ['contradicted']);
        assert.deepEqual(problems, []);
      } finally {
        await close();
        await server.close();
      }
    });

    test('a Vite 7 build of an app importing recoupe (README example)', async () => {
      const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
      assert.ok(existsSync(vite), 'vite is installed (npm ci)');
      assert.equal(readme.examples.vite?.length, 1, 'the README has a Vite example');
      const app = join(project, 'vite-app');
      await mkdir(app, { recursive: true });
      await writeFile(join(app, 'index.html'), htmlPage(readme.examples.page[0]));
      await writeFile(join(app, 'main.js'), readme.examples.vite[0]);
      const build = await run(process.execPath, [vite, 'build', app, '--logLevel', 'warn'], { cwd: project });
      assert.equal(build.code, 0, explain(build));
      // A warning here (a Node module pulled into the browser build, an
      // asset not found) is a packaging bug.
      assert.equal(`${build.stdout}${build.stderr}`.trim(), '', 'vite build prints no warning');
      const assets = await readdir(join(app, 'dist/assets'));
      assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm is an asset (${assets.join(', ')})`);

      const server = await startStatic(join(app, 'dist'), { csp: true });
      const { page, problems, close } = await openPage(server.url);
      try {
        await page.waitForSelector('#claims li', { timeout: 30_000 });
        const items = await page.$$eval('#claims li', (els) => els.map((el) => el.textContent));
        assert.deepEqual(items, [
          '11,000: About 11,000 North Korean soldiers have been deployed to Russia.',
        ]);
        assert.ok(requests.some((u) => /\/assets\/recoupe_bg-[\w-]+\.wasm$/.test(u)), 'the hashed wasm was fetched');
        assert.deepEqual(problems, []);
      } finally {
        await close();
        await server.close();
      }
    });

    // Bundlers move worker.js only when they see `new Worker(new URL('…',
    // import.meta.url))` written out in one expression, as the widget does.
    test(
      'a Vite 7 build of a page using recoupe/widget',
      { skip: HAS_WIDGET ? false : NO_WIDGET },
      async () => {
        const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
        const app = join(project, 'vite-widget');
        await mkdir(app, { recursive: true });
        await writeFile(join(app, 'index.html'), htmlPage(WIDGET_PAGE.replace('./widget-main.js', './main.js')));
        await writeFile(join(app, 'main.js'), "import 'recoupe/widget';\n");
        const build = await run(process.execPath, [vite, 'build', app, '--logLevel', 'warn'], { cwd: project });
        assert.equal(build.code, 0, explain(build));
        const server = await startStatic(join(app, 'dist'), { csp: true });
        const { page, problems, close } = await openPage(server.url);
        try {
          await widgetReport(page, problems);
          const verdicts = await page.$eval('recoupe-check', (el) => el.report.claims.map((c) => c.verdict));
          assert.deepEqual(verdicts, ['contradicted']);
          assert.deepEqual(problems, []);
        } finally {
          await close();
          await server.close();
        }
      },
    );

    test('no request left 127.0.0.1', () => {
      assert.deepEqual(offsite, []);
      assert.ok(requests.length > 0);
    });
  });
});
