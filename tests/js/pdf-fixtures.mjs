// Small PDF files written byte by byte, so that the tests need no PDF tool
// and every byte of a fixture is visible here: text pages in Helvetica
// (WinAnsi encoding, so French accents are single bytes), a page with only
// a drawn rectangle (what a scan without a text layer looks like to a
// reader), a password-protected file and a damaged one.

/** WinAnsi bytes of the characters French and English news use beyond ASCII. */
const WIN_ANSI = new Map([
  ['€', 0x80], ['‚', 0x82], ['„', 0x84], ['…', 0x85], ['‘', 0x91], ['’', 0x92],
  ['“', 0x93], ['”', 0x94], ['–', 0x96], ['—', 0x97], ['œ', 0x9c], ['Œ', 0x8c],
]);

/** A PDF string literal: parentheses and backslashes escaped, other bytes octal. */
function literal(text) {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI.get(ch) ?? (ch === '\u00a0' || ch === '\u202f' ? 0x20 : ch.codePointAt(0));
    if (code > 0xff) throw new Error(`not in WinAnsi: ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

/** UTF-16BE hex string with its byte order mark: metadata in any script. */
function textString(text) {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * A PDF of text pages. Each page is a list of paragraphs; each paragraph a
 * list of lines (a blank line between paragraphs, as a report's layout has).
 *
 * @param {string[][][]} pages
 * @param {{title?: string, created?: string, drawOnly?: boolean, encrypt?: boolean, junkBytes?: number}} opts
 *   `created` as `YYYYMMDD`; `drawOnly` pages carry a rectangle and no
 *   text; `junkBytes` adds an unreferenced stream of that size (a big file
 *   whose text is small); `encrypt` adds a Standard security handler whose
 *   user password is not empty.
 * @returns {Buffer}
 */
export function pdf(pages, { title, created, drawOnly = false, encrypt = false, junkBytes = 0 } = {}) {
  const objects = [];
  const add = (body) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const paragraphs of pages) {
    let ops;
    if (drawOnly) {
      ops = '0.2 0.2 0.2 rg 72 120 450 600 re f';
    } else {
      const lines = [];
      paragraphs.forEach((para, i) => {
        if (i) lines.push('T*');
        for (const line of para) lines.push(`${literal(line)} Tj T*`);
      });
      ops = `BT /F1 11 Tf 14 TL 72 770 Td\n${lines.join('\n')}\nET`;
    }
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add(`<< ${title ? `/Title ${textString(title)} ` : ''}${created ? `/CreationDate (D:${created}090000Z) ` : ''}/Producer (recoupe tests) >>`);
  const encryptObj = encrypt
    ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'3A'.repeat(32)}> /U <${'C5'.repeat(32)}> >>`)
    : null;
  const junk = junkBytes > 0 ? add(null) : null;

  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    let bytes;
    if (i + 1 === junk) {
      const head = Buffer.from(`${i + 1} 0 obj\n<< /Length ${junkBytes} >>\nstream\n`, 'latin1');
      bytes = Buffer.concat([head, Buffer.alloc(junkBytes, 0x41), Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    } else {
      bytes = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    }
    chunks.push(bytes);
    length += bytes.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const id = `<${'0123456789ABCDEF'.repeat(2)}>`;
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R${encryptObj ? ` /Encrypt ${encryptObj} 0 R` : ''} /ID [${id} ${id}] >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}

/** A PDF cut in the middle and filled with noise: no reader can rebuild it. */
export function damagedPdf() {
  const good = pdf([[['Le rapport annuel.']]]);
  return Buffer.concat([good.subarray(0, 40), Buffer.from('\u0000garbage\u0000'.repeat(50), 'latin1')]);
}
