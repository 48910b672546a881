import { request, type Dispatcher } from 'undici';
import { AppError } from '../../core/errors.js';

export interface SlackFile {
  readonly filename: string;
  readonly title: string;
  readonly bytes: Uint8Array;
}

export interface SlackFileUploader {
  upload(args: { channel: string; threadTs?: string; initialComment?: string; files: readonly SlackFile[] }): Promise<string[]>;
}

/**
 * Slack's current two-step upload (files.upload is retired): files.getUploadURLExternal per file, POST the
 * bytes to the URL it returns, then one files.completeUploadExternal that shares them in the channel.
 */
export function createSlackFileUploader(deps: { token: string; slackApiUrl: string; dispatcher?: Dispatcher }): SlackFileUploader {
  const api = deps.slackApiUrl.endsWith('/') ? deps.slackApiUrl : `${deps.slackApiUrl}/`;
  const opts = deps.dispatcher === undefined ? {} : { dispatcher: deps.dispatcher };
  const call = async (method: string, body: string, contentType: string): Promise<Record<string, unknown>> => {
    const res = await request(`${api}${method}`, { method: 'POST', body, headers: { authorization: `Bearer ${deps.token}`, 'content-type': contentType }, ...opts });
    const json = await res.body.json() as Record<string, unknown>;
    if (res.statusCode === 429) throw new AppError('SLACK_RATE_LIMITED', `${method}: rate limited`, { details: { retryAfterMs: Number(res.headers['retry-after'] ?? 1) * 1000 } });
    if (json.ok !== true) throw new AppError('SLACK_API_ERROR', `${method}: ${String(json.error ?? res.statusCode)}`, { details: { error: json.error ?? null } });
    return json;
  };
  return {
    async upload({ channel, threadTs, initialComment, files }) {
      const ids: { id: string; title: string }[] = [];
      for (const file of files) {
        const form = new URLSearchParams({ filename: file.filename, length: String(file.bytes.length) }).toString();
        const got = await call('files.getUploadURLExternal', form, 'application/x-www-form-urlencoded');
        const uploadUrl = String(got.upload_url);
        const res = await request(uploadUrl, { method: 'POST', body: file.bytes, headers: { 'content-type': 'application/octet-stream' }, ...opts });
        await res.body.dump();
        if (res.statusCode !== 200) throw new AppError('SLACK_API_ERROR', `upload of ${file.filename} answered ${res.statusCode}`, { details: { error: 'upload_failed' } });
        ids.push({ id: String(got.file_id), title: file.title });
      }
      await call('files.completeUploadExternal', JSON.stringify({
        files: ids, channel_id: channel, ...(threadTs === undefined ? {} : { thread_ts: threadTs }), ...(initialComment === undefined ? {} : { initial_comment: initialComment }),
      }), 'application/json; charset=utf-8');
      return ids.map((f) => f.id);
    },
  };
}
