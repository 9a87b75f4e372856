/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time: the platform being built. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    /** The WeChat CloudBase environment id; empty means the DevTools' default environment. */
    TARO_APP_CLOUD_ENV?: string
    /** Where the H5 build reaches the emulator's functions; empty means the page's own origin. */
    TARO_APP_API_BASE?: string
  }
}
