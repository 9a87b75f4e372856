/**
 * 爱心敲门 (the `care` function, docs/API.md `care`): the subscription its urgent-visit alerts need. The pages of
 * the roster and the visits come with their own screens.
 */

/** The template an urgent visit's alert uses (.env; the same id as the function's TEMPLATE_CARE_ALERT). */
export const CARE_TEMPLATES = {
  alert: process.env.TARO_APP_TEMPLATE_CARE_ALERT || '',
}
