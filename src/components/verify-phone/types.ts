export interface VerifyPhoneButtonProps {
  /** A verification is under way. */
  busy: boolean
  /** WeChat gave a one-time code for the person's number. */
  onCode: (code: string) => void
  /** The person did not allow it, or no code came. */
  onRefused: () => void
}
