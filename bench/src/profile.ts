import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Self time of one package (or of V8's own work: GC, idle, the program) in a CPU profile. */
export interface PackageShare {
  package: string;
  percent: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Which package a script belongs to: the npm package under node_modules, our workspace package, Node. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? url);
  }
  const workspace = /\/(packages|bench)\/([^/]+)\//.exec(url);
  if (workspace) return workspace[1] === 'bench' ? '@sl/bench' : `@sl/${workspace[2]}`;
  if (url.startsWith('node:') || !url.includes('/')) return 'node';
  return url;
}

/** Self time by package, largest first, from a `.cpuprofile` (sample time where recorded). */
export function breakdown(profile: CpuProfile): PackageShare[] {
  const weight = new Map<number, number>();
  if (profile.samples && profile.timeDeltas && profile.samples.length === profile.timeDeltas.length) {
    profile.samples.forEach((id, i) => {
      weight.set(id, (weight.get(id) ?? 0) + Math.max(0, profile.timeDeltas![i]!));
    });
  } else {
    for (const node of profile.nodes) weight.set(node.id, node.hitCount ?? 0);
  }
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const w = weight.get(node.id) ?? 0;
    if (w === 0) continue;
    const name = packageOf(node.callFrame.url, node.callFrame.functionName);
    byPackage.set(name, (byPackage.get(name) ?? 0) + w);
    total += w;
  }
  return [...byPackage.entries()]
    .map(([name, w]) => ({ package: name, percent: total > 0 ? Math.round((w / total) * 1000) / 10 : 0 }))
    .sort((a, b) => b.percent - a.percent);
}

/** The profile a process wrote into `dir` (`--cpu-prof-dir`) when it exited. */
export async function readProfile(dir: string): Promise<{ file: string; breakdown: PackageShare[] }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no CPU profile in ${dir}`);
  const file = path.join(dir, files.sort().at(-1)!);
  return { file, breakdown: breakdown(JSON.parse(await readFile(file, 'utf8')) as CpuProfile) };
}
