namespace ClusterDemo;

/// <summary>The demo cluster's identity, shared by its silos and its client.</summary>
internal static class DemoCluster
{
    public const string ServiceId = "mapreducegen-demo";

    public const string ClusterId = "mapreducegen-demo";
}
