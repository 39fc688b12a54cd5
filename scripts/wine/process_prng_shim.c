/* Debian's Wine 8 lacks ProcessPrng in bcryptprimitives.dll, which Rust's
 * std imports for its random numbers (HashMap keys): every Rust .exe fails
 * to start there. This stand-in, placed beside the .exe, answers with
 * RtlGenRandom (SystemFunction036 in advapi32). Only for running the
 * Windows build under Wine; real Windows has ProcessPrng. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
