using System.Runtime.InteropServices;
using System.Text;

namespace LiveWorkout.Learning.Native;

/// <summary>
/// Name and memory of an NVIDIA GPU through NVML, the driver's own management library
/// (TorchSharp exposes neither). Null when there is no driver.
/// </summary>
public sealed record GpuInfo(string Name, ulong TotalMemoryBytes, ulong FreeMemoryBytes)
{
    public static GpuInfo? Query(int index)
    {
        string lib = OperatingSystem.IsWindows() ? "nvml.dll" : "libnvidia-ml.so.1";
        if (!NativeLibrary.TryLoad(lib, out IntPtr handle)) return null;
        try
        {
            var init = Get<NvmlInit>(handle, "nvmlInit_v2");
            var byIndex = Get<NvmlGetHandle>(handle, "nvmlDeviceGetHandleByIndex_v2");
            var name = Get<NvmlGetName>(handle, "nvmlDeviceGetName");
            var memory = Get<NvmlGetMemory>(handle, "nvmlDeviceGetMemoryInfo");
            if (init is null || byIndex is null || name is null || memory is null || init() != 0) return null;
            if (byIndex((uint)index, out IntPtr device) != 0) return null;
            var buffer = new byte[96];
            string deviceName = name(device, buffer, (uint)buffer.Length) == 0 ? Encoding.ASCII.GetString(buffer).TrimEnd('\0') : "NVIDIA GPU";
            return memory(device, out NvmlMemory m) == 0 ? new GpuInfo(deviceName, m.Total, m.Free) : new GpuInfo(deviceName, 0, 0);
        }
        finally { NativeLibrary.Free(handle); }
    }

    private static T? Get<T>(IntPtr lib, string name) where T : Delegate =>
        NativeLibrary.TryGetExport(lib, name, out IntPtr p) ? Marshal.GetDelegateForFunctionPointer<T>(p) : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct NvmlMemory { public ulong Total, Free, Used; }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int NvmlInit();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int NvmlGetHandle(uint index, out IntPtr device);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int NvmlGetName(IntPtr device, byte[] name, uint length);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int NvmlGetMemory(IntPtr device, out NvmlMemory memory);
}
