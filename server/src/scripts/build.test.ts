import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addImportExtensions, stampOf } from './build';

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('addImportExtensions', () => {
  it('gives relative specifiers the file or folder index tsc wrote, and leaves packages alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'keyline-build-'));
    write('lib/util.js', 'export const x = 1;\n');
    write('lib/feature/index.js', 'export const y = 2;\n');
    write(
      'main.js',
      [
        "import { x } from './lib/util';",
        "export { y } from './lib/feature';",
        "import './lib/util.js';",
        "import { z } from 'typeorm';",
        "const lazy = await import('./lib/util');",
      ].join('\n'),
    );
    write('lib/feature/deep.js', "import { x } from '../util';\n");
    addImportExtensions(dir);
    expect(read('main.js').split('\n')).toEqual([
      "import { x } from './lib/util.js';",
      "export { y } from './lib/feature/index.js';",
      "import './lib/util.js';",
      "import { z } from 'typeorm';",
      "const lazy = await import('./lib/util.js');",
    ]);
    expect(read('lib/feature/deep.js')).toBe("import { x } from '../util.js';\n");
  });

  it('stops the build on a specifier that matches no compiled file', () => {
    dir = mkdtempSync(join(tmpdir(), 'keyline-build-'));
    write('main.js', "import { x } from './missing';\n");
    expect(() => addImportExtensions(dir)).toThrow(/main\.js: cannot resolve \.\/missing/);
  });
});

describe('stampOf', () => {
  it('changes when a source changes and ignores tests and build output', () => {
    dir = mkdtempSync(join(tmpdir(), 'keyline-build-'));
    write('src/a.ts', 'export const a = 1;\n');
    write('package-lock.json', '{}\n');
    const inputs = ['src', 'package-lock.json'];
    const first = stampOf(dir, inputs);
    write('src/a.test.ts', 'test');
    write('src/dist/a.js', 'built');
    write('src/node_modules/x/index.js', 'dependency');
    expect(stampOf(dir, inputs)).toBe(first);
    write('src/a.ts', 'export const a = 2;\n');
    const second = stampOf(dir, inputs);
    expect(second).not.toBe(first);
    write('package-lock.json', '{"lockfileVersion":3}\n');
    expect(stampOf(dir, inputs)).not.toBe(second);
  });
});
