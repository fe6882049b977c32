/* Rust's standard library for Windows asks bcryptprimitives.dll for ProcessPrng, which
 * Windows 10 and later provide and Debian's Wine 8.0 does not. The test prefix installs this
 * small stand-in, built with mingw-w64, that draws the bytes from RtlGenRandom (advapi32's
 * SystemFunction036), which Wine does provide. It is never shipped with the app. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
