/** Typed calls of the `certificate` function (志愿服务证明); see types/certificate.ts for each action's schema. */
import type {
  Certificate,
  CertificateCheck,
  IssueInput,
  RecordsInput,
  ServiceRecord,
} from '@shared/certificate'
import type { Page } from '@shared/envelope'
import { callFunction } from './cloud'

const FUNCTION = 'certificate'

/** One page of the caller's confirmed service in a Beijing year, newest first. */
export function getServiceRecords(input: RecordsInput): Promise<Page<ServiceRecord>> {
  return callFunction<Page<ServiceRecord>>(FUNCTION, { action: 'records', ...input })
}

/** Issues the caller a certificate of the confirmed hours in a period (needs the real name of their application). */
export function issueCertificate(input: IssueInput): Promise<Certificate> {
  return callFunction<Certificate>(FUNCTION, { action: 'issue', ...input })
}

/** Anyone: whether a serial is a valid or revoked certificate, with the masked name, hours and period. */
export function verifyCertificate(serial: string): Promise<CertificateCheck> {
  return callFunction<CertificateCheck>(FUNCTION, { action: 'verify', serial })
}

/** Workers: revokes a certificate, with the reason. */
export function revokeCertificate(serial: string, reason: string): Promise<Certificate> {
  return callFunction<Certificate>(FUNCTION, { action: 'revoke', serial, reason })
}

/** One page of the caller's own certificates, newest first. */
export function getMyCertificates(
  input: { cursor?: string; limit?: number } = {},
): Promise<Page<Certificate>> {
  return callFunction<Page<Certificate>>(FUNCTION, { action: 'mine', ...input })
}
