import { describe, expect, it } from 'vitest';
import type { Diagnosis, Finding } from '../diagnosis.js';
import { findDiagnosisP0 } from './find-diagnosis-p0.js';

function diagnosis(findings: Finding[]): Diagnosis {
  return {
    schema: 'gomod-doctor/diagnosis@1', module: 'corp.example/hello', version: 'v1.0.0', zone: 'ci', verdict: 'fail', class: findings[0]?.class ?? 'ok',
    severity: null, findings, steps: [], playbook: null, goVersion: 'go1.19.8', elapsedMs: 3,
  };
}

const finding = (cls: Finding['class'], hop: string | null): Finding => ({ class: cls, severity: 'P0', title: '', hop, step: 'zip', evidence: `zip h1:bad= vs go.sum h1:good= at ${hop ?? '?'}`, goError: 'SECURITY ERROR' });

describe('findDiagnosisP0', () => {
  it.each([
    { name: 'raises supply-chain for a checksum mismatch, keyed by hop and zone', findings: [finding('checksum.mismatch', 'https://mirror.corp.example')], keys: ['supply-chain|https://mirror.corp.example|ci'] },
    { name: 'raises nothing for other classes', findings: [finding('tcp.timeout', 'https://mirror.corp.example')], keys: [] },
    { name: 'raises one per hop', findings: [finding('checksum.mismatch', 'https://a'), finding('checksum.mismatch', 'https://a'), finding('checksum.mismatch', 'https://b')], keys: ['supply-chain|https://a|ci', 'supply-chain|https://b|ci'] },
  ])('$name', ({ findings, keys }) => {
    const patterns = findDiagnosisP0(diagnosis(findings));
    expect(patterns.map((p) => p.key)).toEqual(keys);
    for (const p of patterns) expect(p.modules).toEqual(['corp.example/hello@v1.0.0']);
  });
});
