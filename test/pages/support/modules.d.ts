// Modules the test shim of @tarojs/taro (taro.ts) loads that ship no type declarations.
declare module 'react-dom'
declare module '@tarojs/plugin-framework-react/dist/runtime'
