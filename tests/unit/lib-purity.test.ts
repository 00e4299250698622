/**
 * lib/ is the pure analysis core: it runs in Node (tests, CLI) and in the extension's service
 * worker, pages and injected scripts. So no source file of lib/ imports a Node built-in, storage or
 * the extension's APIs, or code outside lib/, and none reaches a platform global (a DOM, a browser
 * or extension API, the network, Node's process): what it needs from the platform (a parsed
 * document, a DOMParser) is passed in by the caller. Read with TypeScript's parser, so comments,
 * strings, property names (`x.document`) and a local variable named `window` are not flagged.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// It lives outside lib/: a test that names the platform's APIs is not itself part of lib.
const LIB = resolve(__dirname, '../../lib');
const sources = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.split(/[\\/]/).includes('__tests__'))
  .sort();

const NODE = new Set(builtinModules);
const PLATFORM_PACKAGES = /^(dexie|wxt|webextension-polyfill|fake-indexeddb|@wxt-dev\/|#imports)/;
/** Globals of a platform: the DOM, browsers and extensions, storage, the network, Node. */
const PLATFORM_GLOBALS = new Set(['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'chrome', 'browser', 'fetch', 'XMLHttpRequest', 'WebSocket', 'DOMParser', 'process', 'Buffer', 'require', '__dirname', '__filename']);

/**
 * What in each file breaks the rule, one line each. A name is a platform global when it resolves to
 * nothing declared in the files themselves: the program is bound without the standard library or
 * any types, so `window` resolves only where a local variable or parameter of that name is in scope.
 */
function impurities(files: string[], root = LIB): Map<string, string[]> {
  const program = ts.createProgram(files.map((f) => join(root, f)), { noLib: true, noResolve: true, types: [], allowJs: false });
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const file of files) {
    const source = program.getSourceFile(join(root, file))!;
    const found: string[] = [];
    const checkImport = (specifier: string) => {
      if (specifier.startsWith('node:') || NODE.has(specifier.split('/')[0]!)) found.push(`imports the Node built-in ${specifier}`);
      else if (PLATFORM_PACKAGES.test(specifier)) found.push(`imports ${specifier} (storage or extension)`);
      else if (specifier.startsWith('.') && relative(root, resolve(root, dirname(file), specifier)).startsWith('..')) found.push(`imports ${specifier}, outside lib/`);
    };
    const declaredHere = (id: ts.Identifier) => {
      const symbol = ts.isShorthandPropertyAssignment(id.parent) ? checker.getShorthandAssignmentValueSymbol(id.parent) : checker.getSymbolAtLocation(id);
      return (symbol?.declarations?.length ?? 0) > 0;
    };
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) checkImport(node.moduleSpecifier.text);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) checkImport(node.arguments[0].text);
      if (ts.isIdentifier(node) && PLATFORM_GLOBALS.has(node.text) && isValueUse(node) && !declaredHere(node)) {
        found.push(`line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: uses the global ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    out.set(file, found);
  }
  return out;
}

/** Not a property name (`x.window`, `{ window: 1 }`), a declaration's own name, or a type. */
function isValueUse(id: ts.Identifier): boolean {
  const parent = id.parent;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === id) || (ts.isQualifiedName(parent) && parent.right === id)) return false;
  if ((parent as { name?: ts.Node }).name === id && !ts.isShorthandPropertyAssignment(parent)) return false;
  return !ts.isTypeReferenceNode(parent);
}

const found = impurities(sources);

describe('lib/ stays pure', () => {
  it('reads every source file of lib/', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources).toContain('text/index.ts');
  });

  it.each(sources.map((f) => [f]))('%s', (file) => {
    expect(found.get(file)).toEqual([]);
  });
});

describe('the purity check', () => {
  it('flags a Node import, a storage import, an import outside lib/ and platform globals, not their look-alikes', () => {
    const probe = join('text', 'probe.ts');
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import Dexie from 'dexie';",
      "import { send } from '../../extension/protocol';",
      "import { fold } from './fold';",
      '// document.title in a comment, and in a string: "window.open"',
      'const n = document.title.length + (globalThis as { x?: number }).x! + window.innerWidth;',
      'export function f(window: number[], o: { document: string }) { return window.length + o.document.length + fetch.length; }',
      'export const g = (w: Window) => ({ document: w, process });',
    ].join('\n');
    const root = mkdtempSync(join(tmpdir(), 'recoupe-lib-'));
    mkdirSync(join(root, 'text'));
    writeFileSync(join(root, probe), code);
    try {
      expect(impurities([probe], root).get(probe)).toEqual([
        'imports the Node built-in node:fs',
        'imports dexie (storage or extension)',
        'imports ../../extension/protocol, outside lib/',
        'line 6: uses the global document',
        'line 6: uses the global window',
        'line 7: uses the global fetch',
        'line 8: uses the global process',
      ]);
    } finally {
      rmSync(root, { recursive: true });
    }
  });
});
