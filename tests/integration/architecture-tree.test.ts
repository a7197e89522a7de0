import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = ['shared/src', 'server/src', 'client/src', 'tests'];
const SKIP = new Set(['node_modules', 'dist', 'artifacts']);

/** The folders docs/ARCHITECTURE.md's "Folder tree" block names, `a/{b,c}` spelled out. */
function documentedFolders(): string[] {
  const doc = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Folder tree'));
  const block = section.slice(section.indexOf('```\n') + 4, section.indexOf('\n```', section.indexOf('```\n') + 4));
  const folders: string[] = [];
  const stack: string[] = [];
  for (const line of block.split('\n')) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 2;
    const [, name, braces] = /^(.+?)\/(?:\{(.+)\})?$/.exec(match[2]!) ?? [];
    if (!name) throw new Error(`not a folder line: ${line}`);
    stack.length = depth;
    stack.push(name);
    const path = stack.join('/');
    folders.push(path);
    for (const sub of braces?.split(',') ?? []) folders.push(`${path}/${sub}`);
  }
  return folders.sort();
}

/** Folders that hold at least one file somewhere below (git keeps no empty folder). */
function actualFolders(): string[] {
  const found: string[] = [];
  const walk = (dir: string): boolean => {
    let hasFile = false;
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIP.has(entry.name)) {
        if (walk(`${dir}/${entry.name}`)) hasFile = true;
      } else if (entry.isFile()) hasFile = true;
    }
    if (hasFile) found.push(dir);
    return hasFile;
  };
  for (const root of PACKAGES) walk(root);
  return found.sort();
}

describe('docs/ARCHITECTURE.md folder tree', () => {
  it('names every folder of shared, server, client and tests, and no other', () => {
    expect(documentedFolders()).toEqual(actualFolders());
  });
});
