// npm scripts put node_modules/.bin first on PATH, where the pinned `node` devDependency
// installs Node 24; this check explains the situation when that did not happen.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 15)) {
  console.error(
    `error: Node ${process.versions.node} is too old (sigstore 5 needs >= 24.15) — run through npm (\`npm test\`, \`npm run demo\`) so the pinned Node 24 from node_modules/.bin is used, or install Node 24`,
  );
  process.exit(2);
}
