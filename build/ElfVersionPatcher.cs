// netstandard2.0-compatible C#: MSBuild's RoslynCodeTaskFactory compiles it. Compiled twice: into the MSBuild inline task of build/NativeLibraries.targets, and into
// LiveWorkout.Learning.Tests, which checks it on real and hand-made ELF files.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LiveWorkout.Build
{
    /// <summary>What <see cref="ElfVersionPatcher.WeakenRequirement"/> did to a file.</summary>
    public enum ElfPatchOutcome
    {
        /// <summary>The file does not require the version at all.</summary>
        NotRequired,
        /// <summary>The requirement was already weak: nothing written.</summary>
        AlreadyWeak,
        /// <summary>The requirement is now weak.</summary>
        Patched,
        /// <summary>Symbols other than the allowed ones need the version: weakening it would hide a real gap.</summary>
        Refused,
    }

    /// <summary>
    /// Marks one symbol-version requirement (an entry of <c>.gnu.version_r</c>) weak in an
    /// ELF64 little-endian shared library, so the dynamic loader accepts a host library that
    /// lacks that version. Only done when every undefined symbol bound to the version is on
    /// an allow list, i.e. when nothing the program calls really needs it.
    /// </summary>
    public static class ElfVersionPatcher
    {
        private const uint ShtDynsym = 11;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const uint ShtGnuVersym = 0x6fffffff;
        private const ushort VerFlgWeak = 0x2;

        /// <summary>True when <paramref name="library"/> (e.g. the host's libstdc++.so.6) defines <paramref name="version"/>.</summary>
        public static bool DefinesVersion(string library, string version)
        {
            byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
            byte[] data = File.ReadAllBytes(library);
            return IndexOf(data, needle) >= 0;
        }

        /// <summary>The first libstdc++.so.6 the dynamic loader would find in the usual places, or null.</summary>
        public static string? FindHostLibStdCxx()
        {
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
            };
            foreach (string c in candidates)
                if (File.Exists(c)) return c;
            return null;
        }

        /// <summary>Reads which undefined dynamic symbols require <paramref name="version"/> and whether that requirement is weak.</summary>
        public static (bool Required, bool Weak, List<string> Symbols) Inspect(string path, string version)
        {
            var elf = new ElfView(File.ReadAllBytes(path));
            var (auxOffset, flags, index) = elf.FindVernaux(version);
            if (auxOffset < 0) return (false, false, new List<string>());
            return (true, (flags & VerFlgWeak) != 0, elf.SymbolsWithVersionIndex(index));
        }

        /// <summary>
        /// Weakens the requirement in place (write to a temporary file, then rename, so a hard
        /// link into a package cache is never modified). Keeps the file's timestamp so MSBuild's
        /// incremental copy still sees it as up to date.
        /// </summary>
        public static ElfPatchOutcome WeakenRequirement(string path, string version, ICollection<string> allowedSymbols, out string detail)
        {
            byte[] data = File.ReadAllBytes(path);
            var elf = new ElfView(data);
            var (auxOffset, flags, index) = elf.FindVernaux(version);
            if (auxOffset < 0) { detail = $"{Path.GetFileName(path)} does not require {version}"; return ElfPatchOutcome.NotRequired; }
            if ((flags & VerFlgWeak) != 0) { detail = $"{Path.GetFileName(path)}: {version} already weak"; return ElfPatchOutcome.AlreadyWeak; }

            List<string> symbols = elf.SymbolsWithVersionIndex(index);
            var unexpected = symbols.FindAll(s => !allowedSymbols.Contains(s));
            if (unexpected.Count > 0)
            {
                detail = $"{Path.GetFileName(path)} needs {version} for {string.Join(", ", unexpected)}; not patched";
                return ElfPatchOutcome.Refused;
            }

            WriteUInt16(data, auxOffset + 4, (ushort)(flags | VerFlgWeak));
            DateTime stamp = File.GetLastWriteTimeUtc(path);
            string temp = path + ".patching";
            File.WriteAllBytes(temp, data);
            File.SetLastWriteTimeUtc(temp, stamp);
            File.Delete(path); // unlink first: a hard link into a package cache stays untouched
            File.Move(temp, path);
            detail = $"{Path.GetFileName(path)}: {version} marked weak (needed only by {string.Join(", ", symbols)})";
            return ElfPatchOutcome.Patched;
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i <= haystack.Length - needle.Length; i++)
            {
                if (haystack[i] != needle[0]) continue;
                int j = 1;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return i;
            }
            return -1;
        }

        private static void WriteUInt16(byte[] d, long o, ushort v) { d[o] = (byte)v; d[o + 1] = (byte)(v >> 8); }

        /// <summary>Just enough of ELF64 (little-endian) to walk sections, version needs and dynamic symbols.</summary>
        private sealed class ElfView
        {
            private readonly byte[] _d;
            private readonly List<(uint Type, long Offset, long Size, uint Link, uint Info, long EntSize)> _sections = new();

            public ElfView(byte[] data)
            {
                _d = data;
                if (data.Length < 64 || data[0] != 0x7f || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
                    throw new InvalidDataException("not an ELF file");
                if (data[4] != 2 || data[5] != 1)
                    throw new InvalidDataException("only 64-bit little-endian ELF is supported");
                long shoff = (long)U64(0x28);
                int shentsize = U16(0x3A), shnum = U16(0x3C);
                for (int i = 0; i < shnum; i++)
                {
                    long h = shoff + (long)i * shentsize;
                    _sections.Add((U32(h + 4), (long)U64(h + 0x18), (long)U64(h + 0x20), U32(h + 0x28), U32(h + 0x2C), (long)U64(h + 0x38)));
                }
            }

            /// <summary>Offset of the vernaux entry naming the version, its flags and its version index; offset -1 if absent.</summary>
            public (long Offset, ushort Flags, ushort Index) FindVernaux(string version)
            {
                foreach (var s in _sections)
                {
                    if (s.Type != ShtGnuVerneed) continue;
                    long strtab = _sections[(int)s.Link].Offset;
                    long vn = s.Offset;
                    for (uint n = 0; n < s.Info; n++)
                    {
                        ushort cnt = U16(vn + 2);
                        long aux = vn + U32(vn + 8);
                        for (int a = 0; a < cnt; a++)
                        {
                            if (Str(strtab + U32(aux + 8)) == version)
                                return (aux, U16(aux + 4), U16(aux + 6));
                            aux += U32(aux + 12);
                        }
                        uint next = U32(vn + 12);
                        if (next == 0) break;
                        vn += next;
                    }
                }
                return (-1, 0, 0);
            }

            /// <summary>Undefined dynamic symbols whose .gnu.version entry is <paramref name="index"/>.</summary>
            public List<string> SymbolsWithVersionIndex(ushort index)
            {
                var result = new List<string>();
                int dynsym = _sections.FindIndex(s => s.Type == ShtDynsym);
                int versym = _sections.FindIndex(s => s.Type == ShtGnuVersym);
                if (dynsym < 0 || versym < 0) return result;
                var sym = _sections[dynsym];
                long strtab = _sections[(int)sym.Link].Offset;
                long count = sym.Size / 24;
                for (long i = 0; i < count; i++)
                {
                    ushort v = (ushort)(U16(_sections[versym].Offset + i * 2) & 0x7fff);
                    long e = sym.Offset + i * 24;
                    bool undefined = U16(e + 6) == 0;
                    if (v == index && undefined) result.Add(Str(strtab + U32(e)));
                }
                return result;
            }

            private ushort U16(long o) => (ushort)(_d[o] | _d[o + 1] << 8);
            private uint U32(long o) => (uint)(_d[o] | _d[o + 1] << 8 | _d[o + 2] << 16 | _d[o + 3] << 24);
            private ulong U64(long o) => U32(o) | (ulong)U32(o + 4) << 32;
            private string Str(long o)
            {
                long end = o;
                while (_d[end] != 0) end++;
                return Encoding.ASCII.GetString(_d, (int)o, (int)(end - o));
            }
        }
    }
}

#if !ELF_PATCHER_ONLY
namespace LiveWorkout.Build
{
    /// <summary>
    /// MSBuild task: weakens <see cref="Version"/> in each of <see cref="Libraries"/> when the
    /// host's libstdc++ lacks it (Debian 12 has GLIBCXX_3.4.30; TorchSharp 0.107 asks 3.4.32
    /// for one link-time marker symbol that nothing calls).
    /// </summary>
    public sealed class WeakenLibStdCxxRequirement : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Libraries { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        [Microsoft.Build.Framework.Required] public string Version { get; set; } = "";
        [Microsoft.Build.Framework.Required] public string AllowedSymbols { get; set; } = "";

        public override bool Execute()
        {
            string? host = ElfVersionPatcher.FindHostLibStdCxx();
            if (host is null) { Log.LogMessage("No libstdc++.so.6 found on this host; native libraries left as they are."); return true; }
            if (ElfVersionPatcher.DefinesVersion(host, Version)) { Log.LogMessage($"{host} defines {Version}; no patch needed."); return true; }

            var allowed = new HashSet<string>(AllowedSymbols.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries));
            foreach (var item in Libraries)
            {
                string path = item.GetMetadata("FullPath");
                if (!File.Exists(path)) continue;
                var outcome = ElfVersionPatcher.WeakenRequirement(path, Version, allowed, out string detail);
                if (outcome == ElfPatchOutcome.Refused) Log.LogWarning(detail);
                else Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, detail);
            }
            return true;
        }
    }
}
#endif
