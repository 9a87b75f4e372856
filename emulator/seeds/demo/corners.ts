/**
 * The 街头公益角 of 裕华区 (seed 000): the first 15 corners — 10 parks and 5 商圈 — each with a weekly
 * schedule and close to 20 charity projects on show. The ten projects seed 000 names as shown so far
 * (“暖心小棉袄”, “爱心小红帽”, 益短拍, 行走山河, 石门百景 …) are at every corner; the others, taken from the
 * seeds' other reports (千人复听, 无障出行, 孤独症喘息服务站, 急救先锋 …), rotate over the corners. Two
 * seasonal projects are archived. Coordinates are approximate, for the demo's map and distances.
 */
import type { CornerKind, ProjectCategory } from '../../../types/corners'
import type { CornerRecord, ProjectRecord } from '../../../types/records'
import { fileIdOf } from '../../storage'
import { cornerCover, projectCover } from './pictures'

const DAY = 86_400_000

type CornerDraft = [
  id: string,
  name: string,
  kind: CornerKind,
  address: string,
  lat: number,
  lng: number,
  weekdays: number[],
  start: string,
  end: string,
  note: string,
]

const CORNERS: CornerDraft[] = [
  [
    'corner-shiji-park',
    '世纪公园',
    'park',
    '裕华区槐安东路与建华南大街交口东南角',
    38.0215,
    114.542,
    [6, 0],
    '09:00',
    '11:30',
    '节假日照常',
  ],
  [
    'corner-yutong-park',
    '裕彤体育公园',
    'park',
    '裕华区体育南大街与塔南路交口',
    38.0105,
    114.5345,
    [6],
    '15:00',
    '17:30',
    '',
  ],
  [
    'corner-minxinhe-park',
    '民心河滨河公园（槐中路段）',
    'park',
    '裕华区槐中路民心河桥西侧',
    38.029,
    114.523,
    [0],
    '09:00',
    '11:30',
    '雨天顺延',
  ],
  [
    'corner-huaian-park',
    '槐安公园',
    'park',
    '裕华区槐安东路与翟营南大街交口西南',
    38.0205,
    114.5655,
    [6],
    '09:00',
    '11:00',
    '',
  ],
  [
    'corner-fangbei-park',
    '方北公园',
    'park',
    '裕华区方北路与谈固南大街交口',
    38.0125,
    114.556,
    [0],
    '15:00',
    '17:30',
    '',
  ],
  [
    'corner-songying-park',
    '宋营公园',
    'park',
    '裕华区宋营路与育才街交口',
    38.0055,
    114.548,
    [6, 0],
    '16:00',
    '18:00',
    '夏季推迟到18:30开始',
  ],
  [
    'corner-tabei-park',
    '塔北公园',
    'park',
    '裕华区塔北路与建设南大街交口',
    38.018,
    114.515,
    [3, 6],
    '09:00',
    '11:00',
    '',
  ],
  [
    'corner-yuhuadong-garden',
    '裕华东路游园',
    'park',
    '裕华区裕华东路与建华南大街交口东北',
    38.0395,
    114.54,
    [6],
    '09:00',
    '11:30',
    '',
  ],
  [
    'corner-zhaiying-garden',
    '翟营南大街游园',
    'park',
    '裕华区翟营南大街与东岗路交口',
    38.0035,
    114.5635,
    [0],
    '09:00',
    '11:00',
    '',
  ],
  [
    'corner-donggang-garden',
    '东岗路口袋公园',
    'park',
    '裕华区东岗路与体育南大街交口',
    38.002,
    114.5305,
    [2, 4],
    '18:30',
    '20:30',
    '晚上和广场舞一起',
  ],
  [
    'corner-wanda-plaza',
    '裕华万达广场',
    'mall',
    '裕华区槐安东路与建华南大街交口西北',
    38.0245,
    114.5385,
    [6, 0],
    '14:00',
    '17:00',
    '商场北门外广场',
  ],
  [
    'corner-huaite-mall',
    '怀特商城',
    'mall',
    '裕华区槐安东路与体育南大街交口',
    38.026,
    114.5295,
    [0],
    '14:00',
    '17:00',
    '',
  ],
  [
    'corner-lehui-city',
    '乐汇城',
    'mall',
    '裕华区槐安东路与翟营南大街交口东北',
    38.0242,
    114.5575,
    [5, 6],
    '18:30',
    '20:30',
    '',
  ],
  [
    'corner-tianshan-world',
    '天山海世界',
    'mall',
    '裕华区天山大街与槐安东路交口',
    38.0368,
    114.575,
    [6],
    '10:00',
    '12:00',
    '',
  ],
  [
    'corner-yiyou-yuhua',
    '裕华路益友商圈',
    'mall',
    '裕华区裕华东路与体育南大街交口',
    38.042,
    114.529,
    [0],
    '10:00',
    '12:00',
    '',
  ],
]

type ProjectDraft = [
  id: string,
  title: string,
  org: string,
  category: ProjectCategory,
  summary: string,
  description: string,
]

const DEREN = '裕华区德仁社会工作事业发展中心'
const CENTRE = '裕华区社会工作指导服务中心'

/** The ten projects seed 000 reports as shown so far: at every corner. */
const FLAGSHIPS: ProjectDraft[] = [
  [
    'project-xiaomianao',
    '“暖心小棉袄”计生家庭关爱行动',
    DEREN,
    'family',
    '陪伴计生特殊家庭，像小棉袄一样贴心',
    '社工和志愿者结对走访计生特殊家庭，陪老人聊天、过节日、看病复查，为有需要的家庭链接心理疏导和生活帮扶。在公益角可以报名成为结对志愿者，也可以为身边需要关爱的家庭留言登记。',
  ],
  [
    'project-xiaohongmao',
    '“爱心小红帽”困境老人关爱行动',
    DEREN,
    'elderly',
    '戴上小红帽，为困境老人送去温暖',
    '面向辖区困境、独居、高龄老人，志愿者定期上门探访，帮忙打扫、买菜、理发、代办小事，节日送上慰问。公益角现场招募“小红帽”志愿者，并教大家怎样和老人沟通、遇到紧急情况怎么办。',
  ],
  [
    'project-yiduanpai',
    '益短拍',
    CENTRE,
    'culture',
    '用手机拍下身边的好人好事',
    '公益短视频拍摄项目。志愿老师现场教大家用手机拍短片、配字幕，拍下社区里的好人好事和公益故事，优秀作品在社区宣传栏和公众号展示。',
  ],
  [
    'project-xingzoushanhe',
    '行走山河',
    '石家庄行走山河公益徒步团',
    'health',
    '一起走路健身，边走边做公益',
    '组织居民结伴徒步、健走，沿途捡拾垃圾、宣传文明出行，每走一段路为公益项目募集一份爱心。适合各个年龄段，老年朋友可参加短线健走。',
  ],
  [
    'project-shimenbaijing',
    '石门百景',
    '石门百景城市记忆志愿队',
    'culture',
    '记录石家庄的老街老景和新面貌',
    '“石门”是石家庄的老名字。志愿者带着大家寻访老街、老厂、老车站，拍照片、讲故事、收集老物件，把城市记忆整理成册，也欢迎老人来讲讲过去的事。',
  ],
  [
    'project-aixinqiaomen',
    '“爱心敲门”独居老人探访',
    '道义街3502社区“爱心敲门”志愿服务队',
    'elderly',
    '定期敲敲门，看看独居老人好不好',
    '志愿服务队关注社区孤寡、独居、空巢老人，定期上门问候，记录老人的需要，遇到困难及时告诉社工。公益角现场可以登记需要探访的老人，也可以报名加入敲门队伍。',
  ],
  [
    'project-hongbei',
    '“以爱之名 烘焙美好时光”亲子烘焙',
    '美厨娘烹饪坊（红色社区社会组织）',
    'family',
    '和孩子一起做蛋糕，拉近亲子关系',
    '烘焙老师现场教学，家长和孩子一起用彩色奶油在蛋糕上涂鸦，了解做蛋糕的步骤和注意事项，在动手中增进亲子交流，结识更多邻居朋友。',
  ],
  [
    'project-qianrenfuting',
    '“千人复听”助听器公益申领',
    '裕东街道社工站',
    'disability',
    '听力不好？符合条件可免费用助听器',
    '社工站联合爱心企业，为符合条件的听力障碍居民发放助听器，免费使用一年，儿童可以申领两台。社工和专业人员入户评估听力，帮忙填写申请表。公益角现场可以咨询和预约评估。',
  ],
  [
    'project-wuzhangchuxing',
    '“小社助残·无障出行”',
    CENTRE,
    'disability',
    '帮残疾朋友出门、购物、融入社区',
    '倡导改善社区无障碍环境，培育“搭把手”志愿服务，帮助残疾朋友解决购物难、出行难，陪他们走出家门参加社区活动。欢迎报名“搭把手”志愿者。',
  ],
  [
    'project-jiuye',
    '就业困难群体公益帮扶',
    CENTRE,
    'employment',
    '为就业困难的居民对接岗位和培训',
    '社工为就业困难的居民一对一了解情况，对接公益岗位、技能培训和招聘信息，帮助大家找到合适的工作。公益角现场可以登记求职意向。',
  ],
]

/** Other projects from the seeds' reports: each at six corners in turn. */
const ROTATING: ProjectDraft[] = [
  [
    'project-chuanxi',
    '“小社助残·孤独症喘息服务站”',
    '育心社工',
    'disability',
    '给孤独症孩子的家庭喘口气',
    '整合儿童医院等医疗资源和专业志愿者，为孤独症儿童提供个案服务，为家长开展减压小组，向社区普及孤独症知识，帮助及早发现和干预。',
  ],
  [
    'project-weiaishouhou',
    '“小社助和·为爱守候”婚姻家庭辅导',
    '婚姻家庭辅导中心社工团队',
    'family',
    '家和万事兴，吵架了来聊聊',
    '社工运用家庭辅导、心理辅导等方法，为有矛盾的夫妻和家庭提供调解与支持，帮助家庭重新找到沟通的办法。',
  ],
  [
    'project-jijiuxianfeng',
    '“急救先锋”应急救护培训',
    '裕华区红十字志愿服务队',
    'health',
    '学会心肺复苏，关键时刻能救人',
    '志愿教练现场教心肺复苏、海姆立克急救法和外伤包扎，讲解老人摔倒、突发心脏病时怎么办。',
  ],
  [
    'project-falvguwen',
    '“法律顾问”社区普法咨询',
    '社区法律顾问志愿队',
    'community',
    '遗产、赡养、租房，律师免费答疑',
    '律师志愿者现场解答赡养、继承、租房、买卖等生活中的法律问题，帮忙看合同，教大家防范合同陷阱。',
  ],
  [
    'project-yifengyisu',
    '“移风易俗倡新风”文艺宣传',
    '社区文艺志愿队',
    'culture',
    '唱唱跳跳，倡导文明新风',
    '志愿者编排歌曲、戏曲、快板节目，宣传红白事简办、破除陈规陋习，欢迎有才艺的居民加入演出。',
  ],
  [
    'project-pinganxunluo',
    '“平安巡逻岗”邻里守望',
    '社区平安志愿队',
    'community',
    '晚上一起巡巡逻，邻里更安心',
    '志愿者在社区和公园周边巡逻，查看安全隐患，劝导不文明行为，遇到问题及时联系社区和物业。',
  ],
  [
    'project-linlizhaohu',
    '“邻里照护哨”空巢老人照护',
    '社区邻里互助会',
    'elderly',
    '楼上楼下互相照应',
    '以楼栋为单位，邻居结对照应空巢老人，每天看看老人家里有没有动静，有事帮一把。',
  ],
  [
    'project-aixintuoguan',
    '“爱心托管+公益课堂”',
    '社区四点半课堂志愿者',
    'children',
    '放学后有人看护，还能上兴趣课',
    '为双职工家庭的孩子提供放学后的看护和作业辅导，志愿老师开设书法、手工、科学小实验等公益课。',
  ],
  [
    'project-nuanxinyizhan',
    '“暖心驿站”新就业群体关爱',
    '“红骑先锋”志愿服务队',
    'employment',
    '快递小哥外卖骑手歇歇脚',
    '为快递员、外卖骑手提供歇脚、喝水、充电的暖心驿站，也邀请他们做社区“特邀建议人”，一起发现身边的安全隐患。',
  ],
  [
    'project-hexiaoqing',
    '“河小青”民心河护河行动',
    '裕华区青年志愿者',
    'environment',
    '守护民心河，做护河小卫士',
    '青年志愿者沿民心河巡河、捡拾垃圾、劝导不文明行为，带孩子认识河里的鱼和水草。',
  ],
  [
    'project-lvsejiayuan',
    '“绿色家园”垃圾分类宣传',
    '社区环保志愿队',
    'environment',
    '垃圾分一分，环境美十分',
    '用游戏和小奖品教大家分清可回收物、厨余垃圾、有害垃圾和其他垃圾，参加分类打卡可以得文明积分。',
  ],
  [
    'project-jiankangyizhen',
    '健康义诊进公益角',
    '社区卫生服务中心',
    'health',
    '量血压测血糖，医生面对面答疑',
    '社区医生现场免费测血压、血糖，解答慢性病用药和饮食问题，为老人建立健康档案。',
  ],
  [
    'project-zhuyizhujie',
    '助医助洁助浴上门服务',
    '医养服务团队与志愿者',
    'elderly',
    '失能老人在家也能得到照护',
    '为重度残疾人家庭和失能老人定期上门助医、助洁、助浴，公益角现场可以登记需要上门服务的老人。',
  ],
  [
    'project-leling',
    '“乐龄”老年陪伴计划',
    '社区社会组织联合会',
    'elderly',
    '老年朋友一起唱歌下棋做手工',
    '组织老年朋友开展合唱、棋牌、手工和健身活动，让老人走出家门，结识新朋友。',
  ],
  [
    'project-chuying',
    '“雏鹰”儿童青少年成长计划',
    '社区社会组织联合会',
    'children',
    '陪孩子们健康快乐长大',
    '为社区儿童青少年开展成长小组、暑期夏令营和安全教育，关注留守和困境儿童。',
  ],
  [
    'project-nuanyang',
    '“暖阳”特殊困难群体帮扶',
    CENTRE,
    'community',
    '为困难家庭链接帮扶资源',
    '社工为低保、残疾、大病等困难家庭建立档案，链接救助政策和爱心资源，定期回访。',
  ],
  [
    'project-tushupiaoliu',
    '智慧图书漂流角',
    '社区读书会',
    'culture',
    '旧书换新书，一起来读书',
    '居民带来家里的旧书交换阅读，志愿者为老人读报、为孩子讲故事，推荐智慧借阅柜的使用方法。',
  ],
  [
    'project-canjishixi',
    '残疾人就业创业实习车间',
    '社区残疾人之家',
    'employment',
    '手工实习，学一门手艺',
    '为有劳动能力的残疾朋友提供手工编织、包装等实习岗位和技能培训，作品在公益角义卖。',
  ],
  [
    'project-jindujiaoyu',
    '青少年毒品预防教育',
    '裕华区禁毒志愿服务队',
    'children',
    '认清毒品危害，远离毒品',
    '用展板、小游戏和真实案例给青少年和家长讲毒品的危害和伪装，教孩子学会拒绝。',
  ],
  [
    'project-dabashou',
    '“搭把手”助残购物',
    '社区“搭把手”志愿者',
    'disability',
    '陪残疾朋友去超市买东西',
    '志愿者每周陪行动不便的残疾朋友去超市、菜市场购物，帮忙拎东西、推轮椅。',
  ],
  [
    'project-fanzha',
    '“守好钱袋子”防诈骗宣传',
    '社区民警与志愿者',
    'community',
    '保健品、假投资，教您一眼识破',
    '民警和志愿者讲解常见的电信诈骗、保健品骗局，帮老人在手机上安装反诈软件。',
  ],
  [
    'project-xinlingyizhan',
    '“心灵驿站”心理疏导',
    '心理咨询师志愿团队',
    'health',
    '心里有事，找人说说',
    '心理咨询师志愿者提供一对一倾听和疏导，帮助照顾病人的家属、独居老人和压力大的年轻人缓解情绪。',
  ],
  [
    'project-yijiuqingshen',
    '“衣旧情深”旧衣回收',
    '社区环保志愿队',
    'environment',
    '旧衣服捐出去，温暖送出去',
    '回收干净的旧衣物，整理后捐给困难家庭和山区，不能再穿的衣物做环保再利用。',
  ],
  [
    'project-yinlingshuzi',
    '银龄数字课堂',
    '青年志愿者与社区学校',
    'elderly',
    '手把手教老人用智能手机',
    '年轻志愿者教老人用手机视频通话、挂号、扫码乘车、识别诈骗信息，一次学会一件事。',
  ],
]

/** Seasonal projects that have ended: archived, shown nowhere. */
const ARCHIVED: ProjectDraft[] = [
  [
    'project-songqingliang',
    '“夏日送清凉”户外劳动者关爱',
    CENTRE,
    'community',
    '为环卫工人送去绿豆汤和防暑药品',
    '夏季为环卫工人、交警和户外劳动者送去防暑物资，已随夏季结束下架。',
  ],
  [
    'project-fanjiaxiang',
    '“返家乡”大学生社会实践',
    '共青团与社区',
    'employment',
    '大学生假期回社区做实践',
    '暑期为返乡大学生提供社区实践岗位，假期结束后下架，明年再见。',
  ],
]

export interface DemoCorners {
  corners: CornerRecord[]
  projects: ProjectRecord[]
  /** Each corner's and project's cover, drawn for the demo (pictures.ts), where setCover would keep it. */
  files: Array<{ path: string; bytes: Buffer }>
}

export function demoCorners(now: number): DemoCorners {
  const files: Array<{ path: string; bytes: Buffer }> = []
  const cover = (collection: string, id: string, bytes: Buffer): string => {
    const path = `public/${collection}/${id}/cover-demo.png`
    files.push({ path, bytes })
    return fileIdOf(path)
  }
  const cornerIds = CORNERS.map((c) => c[0])
  const shownAt = new Map<string, string[]>()
  for (const [id] of FLAGSHIPS) shownAt.set(id, [...cornerIds])
  // Six consecutive corners each, starting six further on: every corner gets 9 or 10 of these.
  ROTATING.forEach(([id], k) => {
    const start = (k * 6) % cornerIds.length
    shownAt.set(
      id,
      Array.from({ length: 6 }, (_v, i) => cornerIds[(start + i) % cornerIds.length]),
    )
  })
  ARCHIVED.forEach(([id], k) => shownAt.set(id, cornerIds.slice(k * 5, k * 5 + 5)))

  const projects: ProjectRecord[] = [...FLAGSHIPS, ...ROTATING, ...ARCHIVED].map(
    ([id, title, org, category, summary, description], i) => ({
      _id: id,
      title,
      org,
      category,
      summary,
      description,
      cornerIds: shownAt.get(id)!,
      status: ARCHIVED.some((a) => a[0] === id) ? 'archived' : 'active',
      createdAt: now - (200 - i * 3) * DAY,
      // Updated over the last weeks ("动态更新"), the newest first on each corner.
      updatedAt: now - ((i * 7) % 40) * DAY - i * 60_000,
      updatedBy: 'demo-worker-liu',
      cover: cover('projects', id, projectCover(i, category)),
    }),
  )

  const corners: CornerRecord[] = CORNERS.map(
    ([id, name, kind, address, lat, lng, weekdays, start, end, note], i) => {
      const projectIds = projects
        .filter((p) => p.status === 'active' && p.cornerIds.includes(id))
        .map((p) => p._id)
      return {
        _id: id,
        name,
        kind,
        address,
        location: { lat, lng },
        schedule: { weekdays, start, end, note },
        projectIds,
        projectCount: projectIds.length,
        createdAt: now - (365 - i) * DAY,
        updatedAt: now - 10 * DAY,
        cover: cover('corners', id, cornerCover(i, kind)),
      }
    },
  )
  return { corners, projects, files }
}
