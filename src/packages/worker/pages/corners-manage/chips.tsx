// The chips and form helpers are shared with other forms (src/components/chips).
export { Chips, FieldError, MultiChips, errorOf, fieldErrors, typedNumber } from '@/components/chips'
