/** The Go settings a playbook computes its changes and rollbacks from. */
export const PLAYBOOK_GO_ENV_KEYS = ['GOPROXY', 'GOSUMDB', 'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE', 'GOVCS', 'GOFLAGS'] as const;

export type PlaybookGoEnvKey = (typeof PLAYBOOK_GO_ENV_KEYS)[number];

/** Where the value came from: the process environment, the `go env -w` file, or Go's default. */
export type PlaybookSettingSource = 'env' | 'goenv-file' | 'default';

export interface PlaybookGoEnv {
  readonly values: Readonly<Record<PlaybookGoEnvKey, string>>;
  readonly sources: Readonly<Record<PlaybookGoEnvKey, PlaybookSettingSource>>;
}

export interface PlaybookTls {
  readonly issuer: string;
  readonly subject: string;
  /** ISO 8601. */
  readonly validTo: string;
  readonly san: readonly string[];
}

/** What a playbook is computed from: the failing module, the hop, and the zone's Go environment. */
export interface PlaybookContext {
  readonly module: string;
  readonly version: string | null;
  /** Origin URL of the failing hop (credentials removed), when known. */
  readonly hop: string | null;
  readonly evidence: string;
  readonly zone: string;
  /** Null when unknown (e.g. `explain` of pasted output): commands then name the previous value as a placeholder. */
  readonly goEnv: PlaybookGoEnv | null;
  readonly tls?: PlaybookTls;
  /** The exact command that re-runs the diagnosis. */
  readonly diagnoseCommand: string;
  /** The organisation's caching GOPROXY, when configured; a placeholder is printed otherwise. */
  readonly internalProxy?: string;
}
