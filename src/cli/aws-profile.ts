import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Env } from '../inputs/reader.js';

const KEY_SOURCES = ['INPUT_ACCESS-KEY-ID', 'R2_ACCESS_KEY_ID', 'R2_READ_ACCESS_KEY_ID', 'R2_LOGS_ACCESS_KEY_ID', 'AWS_ACCESS_KEY_ID'];

/**
 * The shared AWS credential and config files (`~/.aws/credentials`, `~/.aws/config`, `AWS_PROFILE`,
 * `--profile`), resolved by the SDK's own loader (role assumption, SSO and credential_process
 * included), used only when no key was given any other way: they become AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, the last fallback of every storage command.
 */
export async function withProfileCredentials(env: Env, profile: string | undefined): Promise<Env> {
  if (KEY_SOURCES.some((k) => env[k]?.trim())) {
    if (profile) throw new ConfigurationError(`profile: --profile ${profile} given, but a key is already set (${KEY_SOURCES.find((k) => env[k]?.trim())}); give one or the other`);
    return env;
  }
  const home = env.HOME ?? os.homedir();
  const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws/credentials'), env.AWS_CONFIG_FILE ?? path.join(home, '.aws/config')];
  const name = profile ?? env.AWS_PROFILE;
  if (!name && !files.some((f) => fs.existsSync(f))) return env;
  const { fromIni } = await import('@aws-sdk/credential-provider-ini');
  try {
    const c = await fromIni({ ...(name ? { profile: name } : {}) })();
    return { ...env, AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey, ...(c.sessionToken ? { AWS_SESSION_TOKEN: c.sessionToken } : {}) };
  } catch (e) {
    // No usable profile and none asked for: the usual "access-key-id: required" follows.
    if (!name) return env;
    throw new ConfigurationError(`profile: ${name} gave no credentials (${errorMessage(e)})`);
  }
}
