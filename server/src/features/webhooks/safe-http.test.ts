import { describe, expect, it } from 'vitest';
import { checkUrl, isPrivateAddress, UnsafeUrlError } from './safe-http';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1234',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '2002:c0a8:0101::1',
    'not an address',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '2002:0808:0808::1',
  ])('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false));
});

describe('checkUrl', () => {
  it('refuses other schemes, credentials in the URL, and private literals', async () => {
    await expect(checkUrl('ftp://93.184.216.34/x', false)).rejects.toThrow('Only http and https');
    await expect(checkUrl('file:///etc/passwd', false)).rejects.toThrow(UnsafeUrlError);
    await expect(checkUrl('http://user:pw@93.184.216.34/', false)).rejects.toThrow('no user name');
    await expect(checkUrl('http://[::1]:3000/', false)).rejects.toThrow('loopback, private or link-local');
    await expect(checkUrl('http://169.254.169.254/latest/meta-data/', false)).rejects.toThrow(
      '169.254.169.254, a loopback, private or link-local address',
    );
  });

  it('resolves names once and refuses one that points inside (localhost)', async () => {
    await expect(checkUrl('http://localhost:3000/hook', false)).rejects.toThrow(
      /localhost resolves to (127\.0\.0\.1|::1)/,
    );
    expect(await checkUrl('http://localhost:3000/hook', true)).toMatchObject({
      address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
    });
  });

  it('connects to the address it checked', async () => {
    const checked = await checkUrl('https://93.184.216.34/hook', false);
    expect(checked).toMatchObject({ address: '93.184.216.34', family: 4 });
    expect(checked.url.pathname).toBe('/hook');
  });
});
