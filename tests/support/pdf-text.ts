/**
 * The text of a PDF as Chromium prints it (Skia): each page's content streams read with the ToUnicode map of the
 * font in use, so a test reads what is on paper rather than the DOM it came from. Enough for Skia's output (hex
 * glyph strings in Tj/TJ, Flate streams, fonts by reference); not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | undefined;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\b([\s\S]*?)endobj/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      found.set(Number(m[1]), { dict: body, stream: undefined });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + (body[at + 6] === '\r' ? 8 : 7);
    const end = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
    if (/\/FlateDecode/.test(dict)) raw = inflateSync(raw);
    found.set(Number(m[1]), { dict, stream: raw });
  }
  return found;
}

const utf16 = (hex: string) => {
  const bytes = Buffer.from(hex, 'hex');
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes.readUInt16BE(i));
  return out;
};

/** A ToUnicode CMap: glyph code (hex) → text. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(m[1]!.toLowerCase(), utf16(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const width = m[1]!.length;
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Number.parseInt(m[2]!, 16);
      const dst = m[3]!;
      const list = dst.startsWith('[') ? [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!) : undefined;
      for (let code = lo; code <= hi; code++) {
        const key = code.toString(16).padStart(width, '0');
        if (list) map.set(key, utf16(list[code - lo] ?? ''));
        else {
          const base = Number.parseInt(dst.slice(1, -1), 16) + (code - lo);
          map.set(key, utf16(base.toString(16).padStart(dst.length - 2, '0')));
        }
      }
    }
  return map;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** The text of every page, in order of the objects; runs separated by spaces. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const dictOf = (n: number | undefined) => (n === undefined ? '' : (objs.get(n)?.dict ?? ''));
  const pages: string[] = [];
  for (const [, page] of objs) {
    if (!/\/Type\s*\/Page\b/.test(page.dict)) continue;
    let resources = page.dict;
    const resourcesRef = ref(page.dict, 'Resources');
    if (resourcesRef !== undefined) resources = dictOf(resourcesRef);
    let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fontRef = ref(resources, 'Font');
    if (!fontDict && fontRef !== undefined) fontDict = dictOf(fontRef);
    const fonts = new Map<string, Map<string, string>>();
    for (const m of fontDict.matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) {
      const unicode = ref(dictOf(Number(m[2])), 'ToUnicode');
      const cmap = unicode === undefined ? undefined : objs.get(unicode)?.stream?.toString('latin1');
      fonts.set(m[1]!, cmap ? toUnicode(cmap) : new Map());
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? String(ref(page.dict, 'Contents') ?? '');
    let text = '';
    for (const m of contents.matchAll(/(\d+)(?: 0 R)?/g)) {
      const stream = objs.get(Number(m[1]))?.stream?.toString('latin1') ?? '';
      let font = new Map<string, string>();
      const tokens = /\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\((?:\\.|[^\\)])*\)|\b(Td|TD|Tm|T\*|ET)\b/g;
      for (const t of stream.matchAll(tokens)) {
        if (t[1] !== undefined) font = fonts.get(t[1]) ?? new Map();
        else if (t[2] !== undefined) {
          const hex = t[2].toLowerCase();
          const width = [...font.keys()][0]?.length ?? 4;
          for (let i = 0; i < hex.length; i += width) text += font.get(hex.slice(i, i + width)) ?? '';
        } else if (t[3] !== undefined) text += ' ';
        else text += t[0].slice(1, -1);
      }
    }
    pages.push(text.normalize('NFC').replace(/\s+/g, ' '));
  }
  return pages.join('\n');
}
