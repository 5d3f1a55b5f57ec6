// agora-token 2.0.6 ships no types for its AccessToken2 module: only what test/support/agora-token.ts reads
// (AccessToken2.js: `from_string`, `verifySignature`, the parsed fields and services).
declare module 'agora-token/src/AccessToken2.js' {
  /** A parsed service: its type number (1 = RTC) and privileges (privilege number → seconds after issue). */
  class Service {
    service_type(): number;
    __privileges: Record<string, number>;
  }

  /** The RTC service: channel and uid as bytes once parsed (the uid in decimal, '' for uid 0). */
  class ServiceRtc extends Service {
    __channel_name: Buffer | string;
    __uid: Buffer | string;
    static kPrivilegeJoinChannel: number;
    static kPrivilegePublishAudioStream: number;
    static kPrivilegePublishVideoStream: number;
    static kPrivilegePublishDataStream: number;
  }

  class AccessToken2 {
    constructor();
    /** Bytes once parsed. */
    appId: Buffer | string;
    /** Seconds since the epoch. */
    issueTs: number;
    /** Seconds after `issueTs`. */
    expire: number;
    salt: number;
    services: Service[];
    /** Parses a `007…` token; false when it is not one. */
    from_string(token: string): boolean;
    /** Recomputes the HMAC-SHA256 signature with `appCertificate` and compares. */
    verifySignature(appCertificate: string): boolean;
  }

  const kRtcServiceType: number;

  export { AccessToken2, Service, ServiceRtc, kRtcServiceType };
}
