import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const CODE = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{6,})$/;

/** Functions that answer an HTTP request with a GraphQL error: their code literal is a code. */
const RESPONDERS = new Set(['sendGraphQLError', 'fail', 'refuse']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (node.expression.kind === ts.SyntaxKind.SuperKeyword) return 'super';
  return '';
}

/**
 * Every `extensions.code` the server's own code can send, read from its syntax: the code literals
 * given to error classes (`new …Error('CODE', …)`, `super('CODE', …)`), set as `code: 'CODE'`, or
 * given to the helpers that answer HTTP requests with an error, or paired with a `message`. `packages` is the folder of the
 * workspace's packages; the dashboard (a client) is not scanned.
 */
export function scanErrorCodes(packagesDir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, where: string) => found.set(code, [...(found.get(code) ?? []), where]);
  for (const pkg of readdirSync(packagesDir)) {
    if (pkg === 'dashboard') continue;
    const src = path.join(packagesDir, pkg, 'src');
    let files: string[];
    try {
      files = sourceFiles(src);
    } catch {
      continue;
    }
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const where = path.relative(packagesDir, file);
      const visit = (node: ts.Node): void => {
        if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments) {
          const name = calleeName(node);
          if (name.endsWith('Error') || name === 'super' || RESPONDERS.has(name)) {
            for (const arg of node.arguments)
              if (ts.isStringLiteralLike(arg) && CODE.test(arg.text)) add(arg.text, where);
          }
        }
        // `extensions: { code: 'CODE' }`, or `{ code: 'CODE', message }` handed on to an error (other
        // `code:` properties are data, e.g. service types).
        if (
          ts.isPropertyAssignment(node) &&
          ts.isIdentifier(node.name) &&
          node.name.text === 'code' &&
          ts.isStringLiteralLike(node.initializer) &&
          CODE.test(node.initializer.text) &&
          ts.isObjectLiteralExpression(node.parent) &&
          ((ts.isPropertyAssignment(node.parent.parent) &&
            node.parent.parent.name.getText() === 'extensions') ||
            node.parent.properties.some((p) => p.name?.getText() === 'message'))
        )
          add(node.initializer.text, where);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}
