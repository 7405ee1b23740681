/* bcryptprimitives.c: a stand-in for Windows' bcryptprimitives.dll, for the
 * Wine check only (tools/wine/check.sh). Go 1.24+ gets its random numbers
 * from ProcessPrng in that DLL, which Windows 10+ has and Wine 8 does not.
 * This one exports ProcessPrng and fills the buffer from RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has. Never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    /* RtlGenRandom takes a ULONG length: feed it in chunks. */
    while (size > 0) {
        ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        size -= n;
    }
    return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)inst; (void)reason; (void)reserved;
    return TRUE;
}
