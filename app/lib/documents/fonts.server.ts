import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The typeface embedded in generated PDFs: Open Sans, the UI's font, as static TrueType files
 * from the npm package `@expo-google-fonts/open-sans` (so no system font is needed, on CI
 * either). Full Latin Extended-A coverage: ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ, „ ” – § €.
 *
 * Licence: the font files are © 2020 The Open Sans Project Authors
 * (https://github.com/googlefonts/opensans), under the SIL Open Font License 1.1
 * (node_modules/@expo-google-fonts/open-sans/LICENSE_FONT), which allows embedding them in
 * documents; the package's own code is MIT.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/open-sans/400Regular/OpenSans_400Regular.ttf',
  semibold: '@expo-google-fonts/open-sans/600SemiBold/OpenSans_600SemiBold.ttf',
  bold: '@expo-google-fonts/open-sans/700Bold/OpenSans_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FONT_FILES;

const require = createRequire(import.meta.url);
const cache = new Map<FontWeight, Buffer>();

/** The TrueType file of one weight, read once per process. */
export function fontData(weight: FontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(require.resolve(FONT_FILES[weight]));
    cache.set(weight, data);
  }
  return data;
}

/** Absolute path of one weight's TrueType file. */
export function fontPath(weight: FontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}
