/**
 * The serif font the PDFs embed. Decree 30/2020 asks for Times New Roman; Liberation Serif has the
 * same metrics and full Vietnamese, so it is used when the system has it (Debian's
 * fonts-liberation2). Otherwise DejaVu Serif from the `dejavu-fonts-ttf` npm package, which is
 * always installed with the server and also covers Vietnamese.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface SerifFontFiles {
  family: string;
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export interface SerifFonts {
  family: string;
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

/** Where the system's Liberation fonts are (Debian / Ubuntu fonts-liberation2). */
export const LIBERATION_DIRS = [
  '/usr/share/fonts/truetype/liberation2',
  '/usr/share/fonts/truetype/liberation',
  '/usr/share/fonts/liberation-serif',
];

function liberationIn(dir: string): SerifFontFiles | undefined {
  const files: SerifFontFiles = {
    family: 'Liberation Serif',
    regular: join(dir, 'LiberationSerif-Regular.ttf'),
    bold: join(dir, 'LiberationSerif-Bold.ttf'),
    italic: join(dir, 'LiberationSerif-Italic.ttf'),
    boldItalic: join(dir, 'LiberationSerif-BoldItalic.ttf'),
  };
  return [files.regular, files.bold, files.italic, files.boldItalic].every((f) => existsSync(f))
    ? files
    : undefined;
}

function dejaVu(): SerifFontFiles {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    family: 'DejaVu Serif',
    regular: join(dir, 'DejaVuSerif.ttf'),
    bold: join(dir, 'DejaVuSerif-Bold.ttf'),
    italic: join(dir, 'DejaVuSerif-Italic.ttf'),
    boldItalic: join(dir, 'DejaVuSerif-BoldItalic.ttf'),
  };
}

/** The font files to embed: Liberation Serif from the first of `dirs` that has it, else DejaVu Serif. */
export function findSerifFontFiles(dirs: readonly string[] = LIBERATION_DIRS): SerifFontFiles {
  for (const dir of dirs) {
    const found = liberationIn(dir);
    if (found) return found;
  }
  return dejaVu();
}

let cached: Promise<SerifFonts> | undefined;

/** The font bytes, read once per process (the default directories only). */
export function loadSerifFonts(dirs?: readonly string[]): Promise<SerifFonts> {
  if (dirs) return readFonts(findSerifFontFiles(dirs));
  cached ??= readFonts(findSerifFontFiles()).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function readFonts(files: SerifFontFiles): Promise<SerifFonts> {
  const [regular, bold, italic, boldItalic] = await Promise.all(
    [files.regular, files.bold, files.italic, files.boldItalic].map((f) => readFile(f)),
  );
  return { family: files.family, regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! };
}
