import { View } from '@tarojs/components'
import { AtTag } from 'taro-ui'
import { ROLE_LABELS, type Role } from '@shared/user'

const ROLE_TONES: Record<Role, string> = {
  resident: 'tag--grey',
  volunteer: 'tag--green',
  worker: 'tag--brand',
  merchant: 'tag--amber',
}

/** The roles a person holds, as large readable tags. */
export default function RoleTags({ roles }: { roles: Role[] }) {
  return (
    <View className="role-tags">
      {roles.map((role) => (
        <AtTag key={role} className={`tag ${ROLE_TONES[role]}`} circle>
          {ROLE_LABELS[role]}
        </AtTag>
      ))}
    </View>
  )
}
