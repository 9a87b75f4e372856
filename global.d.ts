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
    /** The station's name as a 志愿服务证明 names it. */
    TARO_APP_STATION_NAME?: string
    /**
     * The web address a certificate's QR code carries, before `?serial=`: a prefix registered under 扫普通链接二维码打开小程序
     * for the verify page; empty means the H5 build's own verify page (on WeChat then the serial alone).
     */
    TARO_APP_VERIFY_URL?: string
  }
}
