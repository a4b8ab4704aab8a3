import os from 'node:os';
import type { Hardware } from '../schema/coverage.js';
import { onPath, probe } from './probe.js';

/**
 * The hardware the record is built on: CPU and memory from the OS, GPUs from the vendor's
 * own tool when it is installed (nvidia-smi, rocm-smi). Each value says where it came from.
 */
export async function captureHardware(env: NodeJS.ProcessEnv = process.env): Promise<Hardware> {
  const cpus = os.cpus();
  const hw: Hardware = {
    ...(cpus.length ? { cpu: { ...(cpus[0]?.model ? { model: cpus[0].model.trim() } : {}), cores: cpus.length } } : {}),
    memoryBytes: os.totalmem(),
    sources: ['node:os'],
  };
  const nvidia = onPath('nvidia-smi', env);
  if (nvidia) {
    const gpus = await nvidiaGpus(nvidia, env);
    if (gpus.length) {
      hw.gpus = gpus;
      hw.sources.push('nvidia-smi');
    }
  }
  const rocm = !hw.gpus && onPath('rocm-smi', env);
  if (rocm) {
    const r = await probe(rocm, ['--showproductname', '--showdriverversion', '--json'], { env });
    const gpus = r.ok ? parseRocmSmi(r.stdout) : [];
    if (gpus.length) {
      hw.gpus = gpus;
      hw.sources.push('rocm-smi');
    }
  }
  return hw;
}

async function nvidiaGpus(bin: string, env: NodeJS.ProcessEnv): Promise<NonNullable<Hardware['gpus']>> {
  const q = await probe(bin, ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader,nounits'], { env });
  if (!q.ok) return [];
  const gpus = parseNvidiaQuery(q.stdout);
  if (gpus.length === 0) return gpus;
  // The CUDA version the driver supports is only in the report, not in --query-gpu.
  const report = await probe(bin, ['-q', '-d', 'COMPUTE'], { env });
  const cuda = report.ok ? /^\s*CUDA Version\s*:\s*(\S+)/m.exec(report.stdout)?.[1] : undefined;
  return cuda ? gpus.map((g) => ({ ...g, cuda })) : gpus;
}

/** `nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader,nounits`: one GPU a line. */
export function parseNvidiaQuery(text: string): NonNullable<Hardware['gpus']> {
  const out: NonNullable<Hardware['gpus']> = [];
  for (const line of text.split('\n')) {
    const parts = line.split(',').map((s) => s.trim());
    if (parts.length < 3 || !parts[0]) continue;
    const mem = Number.parseInt(parts[2]!, 10);
    out.push({
      name: parts[0],
      ...(parts[1] && parts[1] !== '[N/A]' ? { driver: parts[1] } : {}),
      ...(Number.isFinite(mem) ? { memoryMiB: mem } : {}),
    });
  }
  return out;
}

/** `rocm-smi --showproductname --showdriverversion --json`: `{"card0": {"Card series": …}, "system": {"Driver version": …}}`. */
export function parseRocmSmi(text: string): NonNullable<Hardware['gpus']> {
  let doc: Record<string, Record<string, unknown>>;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== 'object') return [];
  const driver = typeof doc.system?.['Driver version'] === 'string' ? (doc.system['Driver version'] as string) : undefined;
  return Object.entries(doc)
    .filter(([k]) => /^card\d+$/.test(k))
    .map(([, v]) => {
      const name = [v['Card series'], v['Card model']].find((x): x is string => typeof x === 'string' && x.trim() !== '');
      return { name: name?.trim() ?? 'AMD GPU', ...(driver ? { driver } : {}) };
    });
}
