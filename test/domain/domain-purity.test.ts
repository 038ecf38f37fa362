import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const domainRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

// The layer rule of docs/architecture.md: the domain imports nothing outside src/domain (no node:*, pg, express).
describe('domain purity', () => {
  it('every import of src/domain is a relative .js path that stays inside src/domain', () => {
    const files = sourceFiles(domainRoot);
    expect(files.length).to.be.greaterThan(10);
    const violations: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
        const specifier = match[1] as string;
        const target = resolve(dirname(file), specifier);
        const inside = specifier.startsWith('.') && !relative(domainRoot, target).startsWith('..');
        if (!inside || !specifier.endsWith('.js')) violations.push(`${relative(domainRoot, file)} → ${specifier}`);
      }
    }
    expect(violations).to.deep.equal([]);
  });
});
