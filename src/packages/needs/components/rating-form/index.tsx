import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { confirmNeedInput, type ConfirmNeedInput, type Need } from '@shared/needs'
import { POINTS_RULES } from '@shared/points'
import Icon from '@/components/icon'
import FormField from '@/components/form-field'
import { toCloudError } from '@/services/cloud'
import './index.scss'

const RATINGS = [1, 2, 3, 4, 5] as const
type Rating = (typeof RATINGS)[number]

export const RATING_WORDS: Record<Rating, string> = {
  1: '很不满意',
  2: '不太满意',
  3: '一般',
  4: '满意',
  5: '非常满意',
}

const STAR_WORDS: Record<Rating, string> = { 1: '一星', 2: '二星', 3: '三星', 4: '四星', 5: '五星' }

/** What the volunteer gets on confirmation: the need's points plus the bonus for the rating. */
export function creditFor(points: number, rating: Rating): { bonus: number; total: number } {
  const bonus = POINTS_RULES.ratingBonus[String(rating) as keyof typeof POINTS_RULES.ratingBonus]
  return { bonus, total: points + bonus }
}

/** Five large stars; tapping the third lights the first three. */
export function Stars({ value, onChange }: { value: number; onChange?: (rating: Rating) => void }) {
  return (
    <View
      className="stars"
      role={onChange ? 'radiogroup' : 'img'}
      aria-label={onChange ? '满意度' : `${value}星`}
    >
      {RATINGS.map((rating) => (
        <View
          key={rating}
          role={onChange ? 'radio' : undefined}
          aria-checked={onChange ? value === rating : undefined}
          aria-label={onChange ? `${rating}星` : undefined}
          className={`stars__star${rating <= value ? ' stars__star--on' : ''}${onChange ? ' stars__star--tap' : ''}`}
          onClick={onChange ? () => onChange(rating) : undefined}
        >
          <Icon name="star" />
        </View>
      ))}
    </View>
  )
}

interface RatingFormProps {
  need: Need
  /** A worker confirms for a resident who cannot. */
  onBehalf: boolean
  onSubmit: (input: ConfirmNeedInput) => Promise<void>
}

/** 确认完成并评价: 1–5 stars, a comment, and how many points the volunteer will get for it. */
export default function RatingForm({ need, onBehalf, onSubmit }: RatingFormProps) {
  const [rating, setRating] = useState<Rating | null>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const volunteer = need.assignee?.nickname ?? '志愿者'

  const submit = async () => {
    if (busy) return
    const parsed = confirmNeedInput.safeParse({
      id: need.id,
      rating: rating ?? undefined,
      comment: comment.trim() ? comment : undefined,
    })
    if (!parsed.success) {
      setProblem(
        rating === null
          ? '请点星星，选择您对这次帮助满不满意'
          : (parsed.error.issues[0]?.message ?? '请检查后再试'),
      )
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      await onSubmit(parsed.data)
    } catch (e) {
      setProblem(toCloudError(e).message)
      setBusy(false)
    }
  }

  const credit = rating ? creditFor(need.points, rating) : null
  return (
    <View className="card rating-form">
      <Text className="card__title">{onBehalf ? '代居民确认并评价' : '帮完了吗？请确认并评价'}</Text>
      <Text className="rating-form__intro">
        {onBehalf
          ? `请先电话问问居民，${volunteer}的服务满不满意。`
          : `${volunteer}说已经帮您办好了。如果办好了，请给这次帮助打个分。`}
      </Text>
      <Stars
        value={rating ?? 0}
        onChange={(r) => {
          setRating(r)
          setProblem(null)
        }}
      />
      <Text className="rating-form__word">{rating ? RATING_WORDS[rating] : '点星星打分，5星最好'}</Text>
      {rating && credit && (
        <Text className="rating-form__credit">
          {`确认后，${volunteer}将获得 ${credit.total} 积分（需求积分 ${need.points}${
            credit.bonus > 0 ? ` + ${STAR_WORDS[rating]}奖励 ${credit.bonus}` : ''
          }）`}
        </Text>
      )}
      <FormField label="想说的话（可以不填）">
        <Textarea
          className="form-field__textarea rating-form__comment"
          placeholderClass="form-field__placeholder"
          value={comment}
          maxlength={200}
          placeholder="例如：小张很耐心，谢谢！"
          onInput={(e) => {
            setComment(e.detail.value)
            setProblem(null)
          }}
        />
      </FormField>
      {problem && <Text className="error-text rating-form__problem">{problem}</Text>}
      <Button
        className={`btn btn--primary rating-form__submit${busy ? ' btn--disabled' : ''}`}
        disabled={busy || undefined}
        onClick={submit}
      >
        {busy ? '正在提交…' : onBehalf ? '代居民确认完成' : '确认完成'}
      </Button>
    </View>
  )
}
