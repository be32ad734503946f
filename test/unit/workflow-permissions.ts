/**
 * GITHUB_TOKEN permissions through reusable workflows, as GitHub enforces them: a called workflow's
 * job may ask for no more than the calling job grants (job `permissions`, else the caller workflow's,
 * else the repository default, taken here as the strict default: contents and packages read, no
 * others), recursively down `uses: ./.github/workflows/...` calls.
 */
export type Level = 'none' | 'read' | 'write';
export type Perms = Record<string, Level> | 'read-all' | 'write-all' | Record<string, never>;

const SCOPES = [
  'actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses',
];
const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

/** The repository's restricted default for GITHUB_TOKEN when nothing is declared. */
const RESTRICTED_DEFAULT: Record<string, Level> = { contents: 'read', packages: 'read' };

function expand(p: Perms): Record<string, Level> {
  if (p === 'read-all' || p === 'write-all') return Object.fromEntries(SCOPES.map((s) => [s, p === 'read-all' ? 'read' : 'write'])) as Record<string, Level>;
  // Declaring any scope sets every other to none.
  return Object.fromEntries(SCOPES.map((s) => [s, (p as Record<string, Level>)[s] ?? 'none'])) as Record<string, Level>;
}

/** What a job gets: its own permissions, else its workflow's, else the default; never more than `ceiling`. */
export function effectivePermissions(job: Perms | undefined, workflow: Perms | undefined, ceiling?: Record<string, Level>): Record<string, Level> {
  const declared = job ?? workflow;
  const own = declared === undefined ? expand(RESTRICTED_DEFAULT) : expand(declared);
  if (!ceiling) return Object.fromEntries(Object.entries(own).filter(([, v]) => v !== 'none'));
  return Object.fromEntries(Object.entries(own).map(([k, v]) => [k, RANK[v] <= RANK[ceiling[k] ?? 'none'] ? v : ceiling[k] ?? 'none']).filter(([, v]) => v !== 'none'));
}

interface Job {
  uses?: string;
  permissions?: Perms;
}
interface Workflow {
  permissions?: Perms;
  jobs: Record<string, Job>;
}

/** Every job in the call tree under `file` that asks for more than its caller may give, in GitHub's words. */
export function permissionProblems(file: string, load: (file: string) => Workflow, ceiling?: Record<string, Level>, trail = file): string[] {
  const wf = load(file);
  const out: string[] = [];
  for (const [id, job] of Object.entries(wf.jobs)) {
    const asked = expand(job.permissions ?? wf.permissions ?? RESTRICTED_DEFAULT);
    if (ceiling) {
      for (const [scope, level] of Object.entries(asked)) {
        const allowed = ceiling[scope] ?? 'none';
        if (RANK[level] > RANK[allowed]) out.push(`${trail}: The nested job '${id}' is requesting '${scope}: ${level}', but is only allowed '${scope}: ${allowed}'`);
      }
    }
    const callee = job.uses?.startsWith('./.github/workflows/') ? job.uses.slice('./.github/workflows/'.length) : undefined;
    if (callee) {
      const granted = expand(job.permissions ?? wf.permissions ?? RESTRICTED_DEFAULT);
      const capped = ceiling ? Object.fromEntries(Object.entries(granted).map(([k, v]) => [k, RANK[v] <= RANK[ceiling[k] ?? 'none'] ? v : (ceiling[k] ?? 'none')])) : granted;
      out.push(...permissionProblems(callee, load, capped as Record<string, Level>, `${trail} job '${id}' -> ${callee}`));
    }
  }
  return out;
}
