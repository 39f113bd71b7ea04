import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

const ua = {
  pixel: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.33 Mobile Safari/537.36",
  iphoneSafari: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  iphoneChrome: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
  wechat: "Mozilla/5.0 (Linux; Android 12; V2183A Build/SP1A.210812.003; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230405 MicroMessenger/8.0.35.2360(0x2800235B) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64",
  huawei: "Mozilla/5.0 (Linux; Android 10; HarmonyOS; NOH-AN00; HMSCore 6.11.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.88 HuaweiBrowser/14.0.2.311 Mobile Safari/537.36",
  edge: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87",
  firefoxMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0",
  headless: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36",
  qq: "Mozilla/5.0 (Linux; U; Android 13; zh-cn; PGBM10 Build/TP1A.220905.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.7 Mobile Safari/537.36",
};

describe("describeUserAgent", () => {
  it("names the browser and the system people know", () => {
    expect(describeUserAgent(ua.pixel)).toEqual({ browser: "Chrome", system: "Android", program: null });
    expect(describeUserAgent(ua.iphoneSafari)).toEqual({ browser: "Safari", system: "iOS", program: null });
    expect(describeUserAgent(ua.iphoneChrome)).toEqual({ browser: "Chrome", system: "iOS", program: null });
    expect(describeUserAgent(ua.edge)).toEqual({ browser: "Edge", system: "Windows", program: null });
    expect(describeUserAgent(ua.firefoxMac)).toEqual({ browser: "Firefox", system: "macOS", program: null });
    expect(describeUserAgent(ua.headless)).toEqual({ browser: "Chrome", system: "Linux", program: null });
  });

  it("tells the apps and browsers common in China from the Chrome they are built on", () => {
    expect(describeUserAgent(ua.wechat)).toEqual({ browser: "WeChat", system: "Android", program: null });
    expect(describeUserAgent(ua.huawei)).toEqual({ browser: "Huawei", system: "HarmonyOS", program: null });
    expect(describeUserAgent(ua.qq)).toEqual({ browser: "QQBrowser", system: "Android", program: null });
  });

  it("gives a program that is no browser by its name, without its version", () => {
    expect(describeUserAgent("curl/8.5.0")).toEqual({ browser: null, system: null, program: "curl" });
    expect(describeUserAgent("node")).toEqual({ browser: null, system: null, program: "node" });
    expect(describeUserAgent("python-requests/2.31.0")).toEqual({ browser: null, system: null, program: "python-requests" });
    expect(describeUserAgent("x".repeat(200))?.program).toHaveLength(24);
  });

  it("says nothing when there is no header", () => {
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent("   ")).toBeNull();
  });
});
