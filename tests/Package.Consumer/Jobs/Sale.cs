namespace Package.Consumer.Jobs;

/// <summary>One sale, the input of <see cref="SalesByRegionYearJob"/>.</summary>
internal sealed record Sale(string Region, DateOnly Date, decimal Amount);
