import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { AtTag } from 'taro-ui'
import { SKILL_SUGGESTIONS, applyVolunteerInput } from '@shared/user'
import Icon from '@/components/icon'
import FormField from '@/components/form-field'
import { ErrorState, Loading } from '@/components/page-state'
import { useMe } from '@/hooks/use-me'
import { ROUTES, goBack, openPage } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { askForNotices } from '@/services/notices'
import { VOLUNTEER_TEMPLATES, applyVolunteer } from '@/services/user'
import './index.scss'

function Notice({ title, text }: { title: string; text: string }) {
  return (
    <View className="card apply__notice">
      <Text className="apply__notice-title">{title}</Text>
      <Text className="apply__notice-text">{text}</Text>
      <Button className="btn btn--primary" onClick={() => openPage(ROUTES.me)}>
        回到“我的”
      </Button>
    </View>
  )
}

export default function VolunteerApplyPage() {
  const { me, loading, error, reload } = useMe()
  const [realName, setRealName] = useState('')
  const [phone, setPhone] = useState('')
  const [skills, setSkills] = useState<string[]>([])
  const [otherSkill, setOtherSkill] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const [submitted, setSubmitted] = useState(false)

  const toggleSkill = (skill: string) => {
    setSkills((previous) =>
      previous.includes(skill) ? previous.filter((s) => s !== skill) : [...previous, skill],
    )
    setProblem(null)
  }

  const addOtherSkill = () => {
    const skill = otherSkill.trim()
    if (!skill) return
    if (!skills.includes(skill)) setSkills((previous) => [...previous, skill])
    setOtherSkill('')
    setProblem(null)
  }

  const submit = async () => {
    if (submitting) return
    // A skill typed but not yet added still counts.
    const typed = otherSkill.trim()
    const allSkills = typed && !skills.includes(typed) ? [...skills, typed] : skills
    const parsed = applyVolunteerInput.safeParse({ realName, phone, skills: allSkills })
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '填写的内容有误，请检查后再试')
      return
    }
    // Inside the tap (WeChat shows its dialog only there): may we send the review result?
    void askForNotices([VOLUNTEER_TEMPLATES.review])
    setSubmitting(true)
    setProblem(null)
    try {
      await applyVolunteer(parsed.data)
      // 我的 and 首页 share this record: refresh it before saying it is done.
      await reload()
      setSubmitted(true)
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setSubmitting(false)
    }
  }

  if (submitted) {
    return (
      <View className="page apply">
        <Notice title="已提交，请等待社工审核" text="审核结果会显示在“我的”页面。谢谢您愿意帮助邻居！" />
      </View>
    )
  }

  if (!me) {
    return (
      <View className="page apply">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }

  if (me.roles.includes('volunteer')) {
    return (
      <View className="page apply">
        <Notice title="您已经是志愿者了" text="谢谢您！接单和活动报名马上开放。" />
      </View>
    )
  }

  if (me.volunteer?.status === 'pending') {
    return (
      <View className="page apply">
        <Notice title="您的申请正在审核中" text="社工会尽快审核，请耐心等待。" />
      </View>
    )
  }

  const elder = me.profile.elderMode
  return (
    <View className={`page apply${elder ? ' page--elder' : ''}`}>
      <Text className="apply__intro">
        志愿者帮邻居买菜、陪老人聊天、修个小家电……社工审核通过后，您就能接单和参加活动，还能攒积分。
      </Text>
      {me.volunteer?.status === 'rejected' && me.volunteer.reason && (
        <Text className="apply__previous">上次没有通过，原因：{me.volunteer.reason}</Text>
      )}
      <View className="card">
        <FormField label="真实姓名" hint="社工核对身份用，不会公开">
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            value={realName}
            maxlength={20}
            placeholder="例如：张秀芹"
            onInput={(e) => {
              setRealName(e.detail.value)
              setProblem(null)
            }}
          />
        </FormField>
        <FormField label="手机号" hint="社工审核时会给您打电话">
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            type="number"
            value={phone}
            maxlength={11}
            placeholder="11位手机号"
            onInput={(e) => {
              setPhone(e.detail.value)
              setProblem(null)
            }}
          />
        </FormField>
        <FormField label="我会做的事" hint="点一下选中，再点一下取消，可以选多个">
          <View className="apply__skills">
            {[
              ...SKILL_SUGGESTIONS,
              ...skills.filter((s) => !(SKILL_SUGGESTIONS as readonly string[]).includes(s)),
            ].map((skill) => (
              <AtTag
                key={skill}
                className={`tag apply__skill${skills.includes(skill) ? ' apply__skill--on' : ''}`}
                circle
                active={skills.includes(skill)}
                onClick={() => toggleSkill(skill)}
              >
                {skills.includes(skill) && <Icon name="check" className="apply__skill-check" />}
                {skill}
              </AtTag>
            ))}
          </View>
          <View className="apply__other">
            <Input
              className="form-field__input apply__other-input"
              placeholderClass="form-field__placeholder"
              value={otherSkill}
              maxlength={20}
              placeholder="其他特长，如做饭"
              onInput={(e) => setOtherSkill(e.detail.value)}
              onConfirm={addOtherSkill}
            />
            <Button className="btn btn--secondary apply__other-add" onClick={addOtherSkill}>
              添加
            </Button>
          </View>
        </FormField>
      </View>
      {problem && <Text className="error-text apply__problem">{problem}</Text>}
      <Button
        className={`btn btn--primary${submitting ? ' btn--disabled' : ''}`}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在提交…' : '提交申请'}
      </Button>
      <Button className="btn btn--quiet" onClick={() => goBack()}>
        先不申请了
      </Button>
    </View>
  )
}
