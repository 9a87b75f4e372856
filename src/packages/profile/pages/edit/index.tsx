import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtSwitch } from 'taro-ui'
import { updateProfileInput, type Me, type UpdateProfileInput } from '@shared/user'
import PrivacySheet from '@/components/privacy-sheet'
import FormField from '@/components/form-field'
import { ErrorState, Loading } from '@/components/page-state'
import VerifyPhoneButton from '@/components/verify-phone'
import { useMe } from '@/hooks/use-me'
import { goBack } from '@/routes'
import { toCloudError } from '@/services/cloud'
import { updateProfile, verifyPhone } from '@/services/user'
import './index.scss'

interface Draft {
  nickname: string
  phone: string
  community: string
  address: string
  elderMode: boolean
}

/** What the form starts from: the stored profile; phone and address are never sent back, so they start blank. */
function storedDraft(me: Me): Draft {
  const { nickname, community, elderMode } = me.profile
  return { nickname, phone: '', community, address: '', elderMode }
}

/** Only what the person changed; blank phone and address mean "keep what is stored". */
function changes(draft: Draft, stored: Draft): UpdateProfileInput {
  const input: UpdateProfileInput = {}
  if (draft.nickname.trim() !== stored.nickname) input.nickname = draft.nickname
  if (draft.community.trim() !== stored.community) input.community = draft.community
  if (draft.phone.trim()) input.phone = draft.phone
  if (draft.address.trim()) input.address = draft.address
  if (draft.elderMode !== stored.elderMode) input.elderMode = draft.elderMode
  return input
}

export default function EditProfilePage() {
  const { me, loading, error, reload } = useMe()
  if (!me) {
    return (
      <View className="page">
        {loading && <Loading />}
        {error && <ErrorState message={error.message} onRetry={() => void reload()} />}
      </View>
    )
  }
  // A new form per person, filled from their record when it mounts.
  return <ProfileForm key={me.openid} me={me} reload={reload} />
}

function ProfileForm({ me, reload }: { me: Me; reload: () => Promise<void> }) {
  const [draft, setDraft] = useState<Draft>(() => storedDraft(me))
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [verifying, setVerifying] = useState(false)

  const verify = async (code: string) => {
    setVerifying(true)
    setProblem(null)
    try {
      await verifyPhone(code)
      await reload()
      Taro.showToast({ title: '手机号已验证', icon: 'success' })
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setVerifying(false)
    }
  }

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((previous) => ({ ...previous, [key]: value }))
    setProblem(null)
  }

  const save = async () => {
    if (saving) return
    const input = changes(draft, storedDraft(me))
    if (Object.keys(input).length === 0) {
      setProblem('您还没有修改任何内容')
      return
    }
    const parsed = updateProfileInput.safeParse(input)
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '填写的内容有误，请检查后再试')
      return
    }
    setSaving(true)
    try {
      await updateProfile(parsed.data)
      await reload()
      Taro.showToast({ title: '已保存', icon: 'success' })
      setTimeout(() => goBack(), 800)
    } catch (e) {
      setProblem(toCloudError(e).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className={`page edit-profile${draft.elderMode ? ' page--elder' : ''}`}>
      <PrivacySheet />
      <View className="card">
        <FormField label="昵称" hint="邻居们看到的名字">
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            value={draft.nickname}
            maxlength={20}
            placeholder="例如：王阿姨"
            onInput={(e) => set('nickname', e.detail.value)}
          />
        </FormField>
        <FormField
          label="手机号"
          hint={
            me.profile.phoneMasked
              ? `现在是 ${me.profile.phoneMasked}，不换号就不用填`
              : '方便社工和志愿者联系您'
          }
        >
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            type="number"
            value={draft.phone}
            maxlength={11}
            placeholder="11位手机号"
            onInput={(e) => set('phone', e.detail.value)}
          />
        </FormField>
        <View className="edit-profile__verify">
          <Text className={`edit-profile__verified${me.profile.phoneVerified ? ' is-verified' : ''}`}>
            {me.profile.phoneVerified
              ? `手机号 ${me.profile.phoneMasked} 已验证`
              : '手机号还没有验证：验证后社工能认出是您本人'}
          </Text>
          {!me.profile.phoneVerified && (
            <VerifyPhoneButton
              busy={verifying}
              onCode={(code) => void verify(code)}
              onRefused={() => setProblem('没有拿到手机号，可以再点一次，或直接填写手机号')}
            />
          )}
        </View>
        <FormField label="所在社区">
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            value={draft.community}
            maxlength={30}
            placeholder="例如：建华南社区"
            onInput={(e) => set('community', e.detail.value)}
          />
        </FormField>
        <FormField label="住址" hint="只给社工和上门帮忙的志愿者看；不改就不用填">
          <Input
            className="form-field__input"
            placeholderClass="form-field__placeholder"
            value={draft.address}
            maxlength={100}
            placeholder="例如：3号楼2单元501"
            onInput={(e) => set('address', e.detail.value)}
          />
        </FormField>
        <View className="edit-profile__elder">
          <AtSwitch
            className="edit-profile__switch"
            title="关怀模式（字更大）"
            color="#d9482b"
            border={false}
            checked={draft.elderMode}
            onChange={(value: boolean) => set('elderMode', value)}
          />
        </View>
      </View>
      {problem && <Text className="error-text edit-profile__problem">{problem}</Text>}
      <Button
        className={`btn btn--primary${saving ? ' btn--disabled' : ''}`}
        disabled={saving || undefined}
        onClick={save}
      >
        {saving ? '正在保存…' : '保存'}
      </Button>
      <Button className="btn btn--quiet" onClick={() => goBack()}>
        不改了，返回
      </Button>
    </View>
  )
}
