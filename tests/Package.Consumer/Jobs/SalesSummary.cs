namespace Package.Consumer.Jobs;

/// <summary>What <see cref="SalesByRegionYearJob"/> computes for one region and year.</summary>
internal readonly record struct SalesSummary(int Count, decimal Total, decimal Largest);
