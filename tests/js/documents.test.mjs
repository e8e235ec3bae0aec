// Sources as people have them, in Chromium under the strict CSP: a saved
// news page (menus, footer, an inline script, a tracking pixel) and a PDF
// report dropped on the sources panel; rich text pasted from a web page;
// and every kind of bad file, each with its message, none losing the
// sources already there.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, settled, skip, spaces, verdictOf } from './chromium.mjs';
import { pdf, damagedPdf } from './pdf-fixtures.mjs';
import { formatOf, isoDate, looksBinary, pageText, acceptAttribute, FORMATS } from '../../www/documents.js';
import { pageAt, pageOffsets } from '../../www/report.js';

const ARTICLE =
  'Le taux de chômage s’est établi à 7,3 % au deuxième trimestre 2024 en France, selon l’Insee. ' +
  'Le nombre de demandeurs d’emploi sans activité atteint 3 millions au deuxième trimestre 2024, selon France Travail.';

/** A news page as a browser saves it: the article among furniture and things that must never run or load. */
const SAVED_PAGE = `<!doctype html>
<html lang="fr-FR">
<head>
  <meta charset="utf-8">
  <title>Chômage : le taux stable à 7,3 % | Le Quotidien de l’Emploi</title>
  <meta property="og:title" content="Chômage : le taux reste stable à 7,3 % au deuxième trimestre">
  <meta property="og:url" content="https://quotidien.example/economie/chomage-t2-2024">
  <link rel="canonical" href="https://quotidien.example/economie/chomage-t2-2024">
  <link rel="stylesheet" href="https://cdn.quotidien.example/site.css">
  <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Le Quotidien"},{"@type":"NewsArticle","headline":"Chômage stable","datePublished":"2024-08-13T07:30:00+02:00"}]}</script>
  <script>window.__pageScriptRan = true; fetch('https://tracker.example/beacon?from=script');</script>
</head>
<body>
  <header><nav><a href="/">Accueil</a> <a href="/economie">Économie</a> <a href="/sport">Sport</a> <button>Se connecter</button></nav></header>
  <main>
    <article>
      <h1>Chômage : le taux reste stable au deuxième trimestre</h1>
      <p class="byline">Par la rédaction · <time datetime="2024-08-13">13 août 2024</time></p>
      <div class="share"><button>Partager sur X</button><button>Copier le lien</button></div>
      <p>Selon l’Insee, le taux de chômage au sens du BIT atteint 7,3 % de la population active au deuxième trimestre 2024, un niveau stable sur un trimestre.</p>
      <p>Sur un an, le taux recule légèrement, mais l’institut note que les créations d’emplois ralentissent dans l’industrie et le bâtiment, où les embauches marquent le pas depuis le printemps.</p>
      <p>Les économistes interrogés s’attendent à une remontée progressive du chômage d’ici à la fin de l’année, sous l’effet du ralentissement de l’activité et de la fin des aides exceptionnelles.</p>
      <img src="https://tracker.example/pixel.gif?article=42" width="1" height="1" alt="">
      <iframe src="https://ads.example/slot"></iframe>
    </article>
  </main>
  <aside><h2>Les plus lus</h2><ul><li>Les prix de l’immobilier reculent de 5 % à Paris</li><li>Mercato : 80 millions d’euros pour un attaquant</li></ul></aside>
  <footer><p>© 2024 Le Quotidien · Mentions légales · 12 rue des Exemples</p></footer>
</body>
</html>`;

/** A statistics office's release: a cover page, then the figures on page 2. */
const REPORT = pdf(
  [
    [['Informations rapides'], ['Le chômage au deuxième trimestre 2024']],
    [
      ['Au deuxième trimestre 2024, le nombre de demandeurs d’emploi sans aucune activité', 'atteint 3 millions en France, selon France Travail.'],
      ['Le taux de chômage s’établit à 7,3 % de la population active au deuxième trimestre 2024.'],
    ],
  ],
  { title: 'Le chômage au deuxième trimestre 2024', created: '20240814' },
);

/** Files handed to the page as a drop on `selector` (a DataTransfer built in the page). */
async function drop(page, selector, files) {
  await page.evaluate(
    ([sel, list]) => {
      const data = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name, { type: f.type }));
      }
      document.querySelector(sel).dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [selector, files.map((f) => ({ name: f.name, type: f.type ?? '', base64: Buffer.from(f.bytes).toString('base64') }))],
  );
}

const note = (page) => page.textContent('#sources-note').then(spaces);

describe('formats and readers, without a browser', () => {
  test('formats.json decides what is read, and names what is not', () => {
    assert.equal(formatOf({ name: 'Rapport.PDF' }).accepted.reader, 'pdf');
    assert.equal(formatOf({ name: 'page.htm' }).accepted.reader, 'html');
    assert.equal(formatOf({ name: 'notes.md' }).accepted.reader, 'markdown');
    assert.equal(formatOf({ name: 'download', type: 'text/html; charset=utf-8' }).accepted.reader, 'html');
    assert.equal(formatOf({ name: 'lettre.docx', type: 'application/octet-stream' }).refused.name.en, 'word-processor document');
    // A refused extension is refused whatever MIME type the system guessed.
    assert.equal(formatOf({ name: 'photo.png', type: 'text/plain' }).refused.name.fr, 'image');
    assert.equal(formatOf({ name: 'data.xyz' }).unknown, true);
    // The command line reads no PDF.
    assert.equal(formatOf({ name: 'r.pdf' }, 'cli').unknown, true);
    assert.match(acceptAttribute(['pdf', 'html']), /\.pdf/);
    assert.doesNotMatch(acceptAttribute(['html']), /json/);
    for (const f of FORMATS.accepted) assert.ok(f.maxBytes > 0 && f.extensions.length && f.name.en && f.name.fr, f.reader);
  });

  test('dates are what the document states, or nothing', () => {
    assert.equal(isoDate('2024-08-13T07:30:00+02:00'), '2024-08-13');
    assert.equal(isoDate("D:20240814090000+01'00'"), '2024-08-14');
    assert.equal(isoDate('2024-02-30'), null);
    assert.equal(isoDate('13 août 2024'), null);
    assert.equal(isoDate(''), null);
  });

  test('binary data is told from text, accents and no-break spaces included', () => {
    assert.equal(looksBinary('Le taux atteint 7,3\u00a0% — été 2024 👍'), false);
    assert.equal(looksBinary('PK\u0003\u0004\u0000\u0000word/document.xml'), true);
    assert.equal(looksBinary('\uFFFD\uFFFD\uFFFDJFIF\uFFFD\uFFFD'), true);
  });

  test('PDF lines join into paragraphs; a wide gap starts a new one; a broken word is mended', () => {
    const item = (str, y, eol = true) => ({ str, transform: [11, 0, 0, 11, 72, y], hasEOL: eol });
    const text = pageText([item('Le taux de chômage s’établit à', 700), item('7,3 % au deuxième trimestre. Les gouver-', 686), item('nements…', 672), item('Page suivante', 600)]);
    assert.equal(text, 'Le taux de chômage s’établit à 7,3 % au deuxième trimestre. Les gouvernements…\n\nPage suivante');
  });

  test('page offsets find the page of a UTF-16 offset, and bad offsets are dropped', () => {
    assert.equal(pageAt([0, 10, 25], 0), 1);
    assert.equal(pageAt([0, 10, 25], 24), 2);
    assert.equal(pageAt([0, 10, 25], 25), 3);
    assert.equal(pageAt(null, 3), null);
    assert.deepEqual(pageOffsets([0, 4, 9], 20), [0, 4, 9]);
    assert.equal(pageOffsets([0, 9, 4], 20), null);
    assert.equal(pageOffsets([0, 40], 20), null);
    assert.equal(pageOffsets(['0'], 20), null);
  });
});

describe('sources as people have them, in the page', { skip, timeout: 180_000 }, () => {
  let chrome;
  let page;

  before(async () => {
    chrome = await launch({ csp: true });
    page = await chrome.open();
    await page.waitForSelector('#output mark.rc-claim', { timeout: 30_000 });
    await settled(page);
    await page.click('#clear');
    await page.waitForSelector('#empty:not([hidden])');
  });

  after(async () => {
    await chrome?.close();
  });

  test('a saved news page and a PDF report dropped as sources: titles, dates, a corroborated figure quoting the PDF page', async () => {
    await page.fill('#article', ARTICLE);
    await page.click('#check');
    await settled(page);
    await drop(page, '#sources-panel', [
      { name: 'quotidien-chomage.html', type: 'text/html', bytes: SAVED_PAGE },
      { name: 'insee-t2-2024.pdf', type: 'application/pdf', bytes: REPORT },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('#sources li').length === 2, null, { timeout: 30_000 });

    const rows = await page.$$eval('#sources li', (els) =>
      els.map((li) => ({ id: li.dataset.id, title: li.querySelector('.source-title').textContent, meta: li.querySelector('.source-meta').textContent })),
    );
    assert.equal(rows[0].title, 'Chômage : le taux reste stable à 7,3 % au deuxième trimestre');
    assert.match(rows[0].meta, /13 août 2024|13 Aug(ust)? 2024/);
    assert.match(rows[0].meta, /FR/);
    assert.match(rows[0].meta, /quotidien\.example/);
    assert.equal(rows[1].title, 'Le chômage au deuxième trimestre 2024');
    assert.match(rows[1].meta, /2 pages/);
    assert.match(rows[1].meta, /14 août 2024|14 Aug(ust)? 2024/);

    await page.waitForFunction(() => [...document.querySelectorAll('#output mark.rc-claim')].some((m) => m.dataset.verdict === 'corroborated'), null, { timeout: 30_000 });
    await settled(page);
    assert.deepEqual(await verdictOf(page, '7,3 %', '7,3 %'), ['corroborated']);

    // The page's text is its article: no menu, share button, sidebar or footer.
    const texts = await page.evaluate(() => JSON.parse(localStorage.getItem('recoupe.page.v2') ?? '{}').sources?.map((s) => s.text));
    const html = texts?.[0] ?? '';
    assert.match(html, /atteint 7,3 % de la population active/);
    for (const furniture of ['Accueil', 'Se connecter', 'Partager', 'Les plus lus', 'Mentions légales', '__pageScriptRan', 'schema.org']) {
      assert.ok(!html.includes(furniture), `"${furniture}" in the page's text`);
    }
    // Paragraphs stay apart: a sentence never runs into the next block.
    assert.match(html, /trimestre\.\n\nSur un an/);


    const mark = page.locator('#output mark.rc-claim', { hasText: '7,3' }).first();
    await mark.click();
    await page.waitForSelector('#card:not([hidden]) .rc-ev');
    const evidence = await page.$$eval('#card .rc-ev[data-relation="corroborates"]', (els) =>
      els.map((li) => ({ source: li.dataset.source, head: li.querySelector('.rc-ev-head').textContent, quote: li.querySelector('.rc-quote').textContent })),
    );
    const fromPdf = evidence.find((e) => e.source === rows[1].id);
    assert.ok(fromPdf, `PDF evidence among ${JSON.stringify(evidence)}`);
    assert.match(fromPdf.head, /p\. 2/);
    assert.match(spaces(fromPdf.quote), /s’établit à 7,3 % de la population active/);
    const fromPage = evidence.find((e) => e.source === rows[0].id);
    assert.ok(fromPage, 'evidence from the saved page');
    assert.doesNotMatch(fromPage.head, /p\. \d/);
    await page.keyboard.press('Escape');

    // Nothing of the saved page ran, and nothing it names was fetched.
    assert.equal(await page.evaluate(() => window.__pageScriptRan ?? null), null);
    assert.deepEqual(chrome.offsite, []);
    assert.ok(!chrome.requests.some((u) => /tracker|ads\.example|cdn\.quotidien/.test(u)), chrome.requests.join('\n'));
    assert.deepEqual(chrome.problems, []);
  });

  test('the title and date of a source can be corrected in the list', async () => {
    const first = page.locator('#sources li').first();
    const id = await first.getAttribute('data-id');
    await first.locator('button[data-action="rename"]').click();
    await page.fill('#sources input[data-renaming]', 'Le Quotidien, 13 août');
    await page.fill('#sources input[data-redating]', '2024-08-12');
    await page.press('#sources input[data-redating]', 'Enter');
    assert.equal(await page.textContent(`#sources li[data-id="${id}"] .source-title`), 'Le Quotidien, 13 août');
    assert.match(await page.textContent(`#sources li[data-id="${id}"] .source-meta`), /12 août 2024|12 Aug(ust)? 2024/);
    await settled(page);
  });

  test('rich text pasted from a web page comes in as clean text', async () => {
    const html =
      '<meta charset="utf-8"><div><h2>Inflation</h2><p>Les prix ont augmenté de 2,2&nbsp;% sur un an en septembre.</p>' +
      '<script>window.__pasteRan = true</script><style>p{color:red}</style><button>Partager</button>' +
      '<p hidden>texte caché</p><p>Selon l’Insee, c’est le plus bas niveau depuis 2021.</p><img src="https://tracker.example/p.gif"></div>';
    await page.click('details.source-add summary');
    await page.fill('#source-text', '');
    await page.focus('#source-text');
    await page.evaluate((rich) => {
      const data = new DataTransfer();
      data.setData('text/html', rich);
      data.setData('text/plain', 'Inflation Les prix ont augmenté de 2,2 % sur un an en septembre. Partager texte caché Selon l’Insee, c’est le plus bas niveau depuis 2021.');
      document.getElementById('source-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    assert.equal(
      await page.inputValue('#source-text'),
      'Inflation\n\nLes prix ont augmenté de 2,2\u00a0% sur un an en septembre.\n\nSelon l’Insee, c’est le plus bas niveau depuis 2021.',
    );
    assert.equal(await page.evaluate(() => window.__pasteRan ?? null), null);
    await page.fill('#source-text', '');
    assert.deepEqual(chrome.offsite, []);
  });

  test('bad files each get a message, and the sources already there stay', async () => {
    const before = await page.$$eval('#sources li', (els) => els.map((e) => e.dataset.id));
    assert.equal(before.length, 2);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x9c, 0x88]);
    await drop(page, '#sources-panel', [
      { name: 'vide.txt', type: 'text/plain', bytes: '' },
      { name: 'page.html', type: 'text/html', bytes: Buffer.concat([zip, zip, zip]) },
      { name: 'scan.pdf', type: 'application/pdf', bytes: pdf([[[]], [[]]], { drawOnly: true }) },
      { name: 'protege.pdf', type: 'application/pdf', bytes: pdf([[['Texte confidentiel : 12 millions.']]], { encrypt: true }) },
      { name: 'casse.pdf', type: 'application/pdf', bytes: damagedPdf() },
      { name: 'lettre.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: zip },
      { name: 'mesures.xyz', type: '', bytes: 'a b c' },
      { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    ]);
    await page.waitForFunction(() => /photo\.jpg/.test(document.getElementById('sources-note').textContent), null, { timeout: 30_000 });
    const text = await note(page);
    assert.match(text, /vide\.txt: the file is empty|vide\.txt : le fichier est vide/);
    assert.match(text, /page\.html: not a web page but binary data|page\.html : pas un fichier page web mais des données binaires/);
    assert.match(text, /scan\.pdf: the PDF has no text layer|scan\.pdf : le PDF n’a pas de texte/);
    assert.match(text, /protege\.pdf: the PDF is protected by a password|protege\.pdf : le PDF est protégé par un mot de passe/);
    assert.match(text, /casse\.pdf: the PDF is damaged|casse\.pdf : le PDF est endommagé/);
    assert.match(text, /lettre\.docx: not read \(word-processor document, \.docx\)|lettre\.docx : non lu \(document de traitement de texte, \.docx\)/);
    assert.match(text, /mesures\.xyz: \.xyz files are not read \(accepted: \.txt, \.text, \.md, \.markdown, \.html, \.htm, \.pdf, \.json\)|mesures\.xyz : les fichiers \.xyz ne se lisent pas \(acceptés : \.txt, \.text, \.md, \.markdown, \.html, \.htm, \.pdf, \.json\)/);
    assert.match(text, /photo\.jpg: not read \(image, \.jpg\)|photo\.jpg : non lu \(image, \.jpg\)/);
    assert.deepEqual(await page.$$eval('#sources li', (els) => els.map((e) => e.dataset.id)), before);
  });

  test('a 50 MB PDF is refused at once, with its size, and the page stays responsive', async () => {
    const before = await page.locator('#sources li').count();
    const started = Date.now();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(50_000_000)], 'rapport-complet.pdf', { type: 'application/pdf' }));
      document.getElementById('sources-panel').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => /rapport-complet\.pdf/.test(document.getElementById('sources-note').textContent));
    assert.match(await note(page), /rapport-complet\.pdf: 50 MB, more than the 40 MB|rapport-complet\.pdf : 50 Mo, plus que les 40 Mo/);
    assert.ok(Date.now() - started < 20_000);
    assert.equal(await page.locator('#sources li').count(), before);
  });

  test('a long PDF shows its progress, can be cancelled, and keeps the page responsive', async () => {
    const before = await page.locator('#sources li').count();
    const many = pdf(
      Array.from({ length: 3000 }, (_, i) => [[`Page ${i + 1} du rapport : ${1000 + i} entreprises créées au deuxième trimestre 2024.`]]),
      { title: 'Rapport long' },
    );
    await drop(page, '#sources-panel', [{ name: 'long.pdf', type: 'application/pdf', bytes: many }]);
    await page.waitForFunction(() => Number(document.getElementById('reading-bar').value) >= 1, null, { timeout: 30_000 });
    assert.equal(await page.getAttribute('#reading-bar', 'max'), '3000');
    assert.match(spaces(await page.textContent('#reading-label')), /long\.pdf/);
    // The main thread answers while pdf.js parses in its worker.
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    assert.ok(Date.now() - t0 < 1000, 'the page answers while the PDF is read');
    await page.click('#reading-cancel');
    await page.waitForSelector('#reading', { state: 'hidden' });
    assert.match(await note(page), /Reading cancelled|Lecture annulée/);
    assert.equal(await page.locator('#sources li').count(), before);
  });
});
