import path from 'node:path';
import type { Command } from 'commander';
import { digestPath, manifestText } from '../../digest/index.js';
import { ttyProgressBar } from '../../digest/progress.js';
import { addFormatOption, collect, outputFormat, processIo, run } from '../shared.js';

interface DigestFlags {
  format: 'manifest' | 'json' | 'model-signing';
  json?: boolean;
  ignore: string[];
}

export function register(program: Command): void {
  const cmd = program
    .command('digest')
    .description('print the sha256 a record would hold for a file or directory (to recompute or compare a digest)')
    .argument('<path>', 'a file or a directory');
  addFormatOption(cmd, ['manifest', 'model-signing'], 'manifest', 'manifest: the directory manifest and its digest; json; model-signing: the OpenSSF model-signing statement (unsigned)')
    .option('--ignore <path>', 'with --format model-signing: a path to leave out, relative to the directory (repeatable)', collect, [])
    .action(
      run(async (target: string, o: DigestFlags) => {
        outputFormat(o);
        const abs = path.resolve(target);
        const boundary = path.dirname(abs);
        const onProgress = ttyProgressBar({ label: path.basename(abs) });
        if (o.format === 'model-signing') {
          const { modelSigningDigest, modelSigningStatement } = await import('../../digest/model-signing.js');
          const m = await modelSigningDigest(abs, abs, { ignorePaths: o.ignore, ...(onProgress ? { onProgress } : {}) });
          processIo.out(JSON.stringify(modelSigningStatement(m), null, 2));
          return;
        }
        const d = await digestPath(abs, boundary, onProgress ? { onProgress } : {});
        if (o.format === 'json') processIo.out(JSON.stringify({ path: target, kind: d.kind, sha256: d.sha256, size: d.size, files: d.files }, null, 2));
        else if (d.kind === 'file') processIo.out(`${d.sha256}  ${target}`);
        else processIo.out(`${manifestText(d.files)}sha256:${d.sha256}  ${target}/ (manifest of ${d.files.length} file(s), ${d.size} bytes)`);
      }),
    );
}
