import { Text, View } from '@tarojs/components'

/**
 * The app's one set of icons: each name says what it stands for here, and GLYPHS maps it to a glyph of taro-ui's
 * icon font. Change a picture here and it changes everywhere. The font and index.scss (the size scale, the colours,
 * the badges) are imported once, in app.scss, for every page of every package.
 */
const GLYPHS = {
  // Things a person opens
  need: 'heart',
  points: 'star-2',
  activities: 'calendar',
  mall: 'shopping-bag',
  orders: 'tags',
  corners: 'map-pin',
  review: 'check-circle',
  volunteer: 'user',
  notices: 'bell',
  profile: 'edit',
  service: 'bookmark',
  care: 'home',
  scan: 'camera',
  today: 'clock',
  photos: 'image',
  tasks: 'bullet-list',
  pool: 'search',
  workbench: 'menu',
  report: 'analytics',
  adjust: 'equalizer',
  shops: 'shopping-cart',
  settlement: 'credit-card',
  verify: 'file-generic',
  alert: 'alert-circle',
  privacy: 'lock',
  switch: 'reload',
  rules: 'help',
  roster: 'heart-2',
  all: 'list',
  team: 'user',
  post: 'edit',
  mine: 'bookmark',
  // Marks
  check: 'check',
  done: 'check-circle',
  failed: 'close-circle',
  close: 'close',
  add: 'add',
  subtract: 'subtract',
  star: 'star-2',
  next: 'chevron-right',
  previous: 'chevron-left',
} as const

export type IconName = keyof typeof GLYPHS

/**
 * One size scale (750-wide design units), each a step larger in 关怀模式:
 * small 32 (42), medium 44 (56), large 56 (68), hero 80 (96). `text` is the size of the text around it.
 */
export type IconSize = 'text' | 'small' | 'medium' | 'large' | 'hero'

/** The brand colours of src/styles/_theme.scss; `current` takes the colour of the text around it. */
export type IconTone = 'current' | 'brand' | 'green' | 'amber' | 'blue' | 'danger' | 'muted' | 'white'

export interface IconProps {
  name: IconName
  /** @default 'text' */
  size?: IconSize
  /** @default 'current' */
  tone?: IconTone
  /**
   * What the icon says when it stands alone (an icon-only button, a result mark), read out by screen readers.
   * Without it the icon is decorative (its text is beside it) and hidden from them.
   */
  label?: string
  className?: string
}

export default function Icon({ name, size = 'text', tone = 'current', label, className }: IconProps) {
  const classes = `icon icon--${size} icon--${tone} at-icon at-icon-${GLYPHS[name]}${className ? ` ${className}` : ''}`
  // Taro's Text does not declare `role`; the H5 build passes it and aria-* to the browser. Taro 4's weapp templates
  // pass no aria-* attributes at all (nowhere in the app); there the glyph, drawn by CSS, has no text to read out.
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true }
  return <Text className={classes} data-icon={name} {...a11y} />
}

/** The colours a round badge comes in. */
export type BadgeTone = 'brand' | 'green' | 'amber' | 'blue' | 'danger' | 'white'

export interface IconBadgeProps {
  name: IconName
  /** @default 'brand' */
  tone?: BadgeTone
  /** White on the colour (首页's shortcuts); otherwise the colour on its pale tint. @default false */
  solid?: boolean
  /** Badges measure 80, 96 and 144 (a result's mark, centred above its title); 96, 112 and 168 in 关怀模式. @default 'medium' */
  size?: 'medium' | 'large' | 'hero'
}

/** An icon in a round badge before or above a title (decorative: the title says what it is). */
export function IconBadge({ name, tone = 'brand', solid = false, size = 'medium' }: IconBadgeProps) {
  return (
    <View
      className={`icon-badge icon-badge--${size} icon-badge--${tone}${solid ? ' icon-badge--solid' : ''}`}
    >
      <Icon name={name} size={size} tone={solid ? 'white' : tone} />
    </View>
  )
}
